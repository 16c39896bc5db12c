using Microsoft.Data.Sqlite;

namespace UnionBot.Core.Callbacks;

/// <summary>
/// A platform message id about to be answered. It is written by the first write its command makes, in that write's
/// transaction (see <see cref="Storage.WriteQueue"/>): killed before the commit, the bot keeps neither the sign-up nor
/// the claim, and the platform's redelivery runs the command and is answered; after the commit, the redelivery finds
/// the id and gets the empty answer. A command that writes nothing claims the id on its own once it has its reply.
/// </summary>
public sealed class MessageClaim
{
    private readonly ProcessedMessages _processed;
    private volatile bool _committed;

    internal MessageClaim(ProcessedMessages processed, string channelId, string messageId, DateTimeOffset at)
    {
        _processed = processed;
        ChannelId = channelId;
        MessageId = messageId;
        At = at;
    }

    public string ChannelId { get; }
    public string MessageId { get; }
    public DateTimeOffset At { get; }

    /// <summary>True once a transaction holding the claim has committed.</summary>
    public bool Committed => _committed;

    /// <summary>Inserts the claim in <paramref name="tx"/>; false when the id is claimed already (a redelivery running alongside).</summary>
    internal bool TryInsert(SqliteConnection connection, SqliteTransaction tx) => _processed.Insert(connection, tx, this);

    internal void MarkCommitted()
    {
        _committed = true;
        _processed.Remember(this);
    }
}

/// <summary>The message was claimed by another delivery of it in the meantime: its command did not run here.</summary>
public sealed class MessageAlreadyClaimedException() : Exception("the message id was claimed by another delivery");
