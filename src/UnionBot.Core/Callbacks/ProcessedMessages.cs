using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Callbacks;

/// <summary>
/// Remembers which platform messages were already handled, in SQLite so that it holds across restarts.
/// WeCom redelivers after 5 s and DingTalk after about 60 s; ids are kept <see cref="Retention"/>, well past
/// the 1 h timestamp window, so a replayed callback is refused by either the window or this table.
/// </summary>
/// <remarks>
/// An id is written together with its command's writes (<see cref="MessageClaim"/>); the unique key decides each
/// id on its own, so an id claimed twice in one batch is claimed once.
/// </remarks>
public sealed class ProcessedMessages(Database database, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private const string ClaimSql = """
        INSERT INTO processed_messages (channel_id, message_id, received_at)
        VALUES (@ChannelId, @MessageId, @ReceivedAt)
        ON CONFLICT (channel_id, message_id) DO NOTHING
        """;

    private const string PruneSql = """
        DELETE FROM processed_messages WHERE received_at < @Cutoff
        """;

    private long _lastPruneTicks = long.MinValue;

    private readonly RecentClaims _recent = new(database, time);

    /// <summary>
    /// A claim for the message, to be written with its command's first write; null when the id was claimed before (a
    /// redelivery), told from memory (<see cref="RecentClaims"/>): a new message reads nothing, a redelivery is confirmed
    /// in the table.
    /// </summary>
    public MessageClaim? ClaimFor(string channelId, string messageId) =>
        _recent.Contains(channelId, messageId) ? null : new MessageClaim(this, channelId, messageId, time.GetUtcNow());

    /// <summary>Called once a transaction holding <paramref name="claim"/> has committed.</summary>
    internal void Remember(MessageClaim claim) => _recent.Add(claim);

    /// <summary>
    /// Writes a claim that no command's write carried; false when another delivery of the message claimed it first.
    /// Once queued, it is written whatever happens to the caller: <paramref name="ct"/> only stops one not yet queued.
    /// </summary>
    public async Task<bool> CommitAsync(MessageClaim claim, CancellationToken ct)
    {
        if (claim.Committed) return true;
        try
        {
            await database.Writes.RunAsync(claim, (_, _) => true, ct);
            return true;
        }
        catch (MessageAlreadyClaimedException)
        {
            return false;
        }
    }

    /// <summary>Records the message as handled on its own; false when it was already recorded (a redelivery).</summary>
    public async Task<bool> TryClaimAsync(string channelId, string messageId, CancellationToken ct) =>
        await CommitAsync(new MessageClaim(this, channelId, messageId, time.GetUtcNow()), ct);

    /// <summary>Deletes ids older than the retention; returns how many went.</summary>
    public Task<int> PruneAsync(CancellationToken ct) =>
        database.Writes.RunAsync((connection, tx) =>
            connection.Execute(PruneSql, new { Cutoff = StoredTime.Format(time.GetUtcNow() - Retention) }, tx), ct);

    internal bool Insert(SqliteConnection connection, SqliteTransaction tx, MessageClaim claim)
    {
        PruneIfDue(connection, tx, claim.At);
        return connection.Reuse(tx, ClaimSql).With("@ChannelId", claim.ChannelId).With("@MessageId", claim.MessageId)
            .With("@ReceivedAt", StoredTime.Format(claim.At)).ExecuteNonQuery() == 1;
    }

    private void PruneIfDue(IDbConnection connection, IDbTransaction tx, DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < PruneEvery.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last) return;
        connection.Execute(PruneSql, new { Cutoff = StoredTime.Format(now - Retention) }, tx);
    }
}
