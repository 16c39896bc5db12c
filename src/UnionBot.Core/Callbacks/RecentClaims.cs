using System.Security.Cryptography;
using Dapper;
using UnionBot.Core.Platforms;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Callbacks;

/// <summary>
/// The message ids claimed lately, in memory: read once from <c>processed_messages</c> when the first message arrives,
/// then kept by every committed claim. A new message is told from a redelivery without a read of the table, which
/// cost every message a query of its own while the writer worked; only a redelivery (a fingerprint that matches) is
/// confirmed there. An id stays known at least <see cref="Span"/>.
/// </summary>
/// <remarks>
/// Platforms deliver again within seconds (WeCom after 5 s) or about a minute (DingTalk), and a captured callback is
/// accepted within <see cref="CallbackWindow.Width"/> either side of its timestamp. A repeat this set no longer knows
/// is still refused by the claim's own write (unique key): its command reads, writes nothing, and its reply is
/// dropped. Only the bot writes claims (no command-line verb does), so the table holds nothing this set does not know.
/// <para>
/// The ids are kept as 64-bit fingerprints in sets of <c>long</c>, not as strings: this set holds every message of
/// the last two hours or more, and a set of string pairs is several objects per message that every garbage
/// collection traces and copies into the older generations. Under bench/CallbackLoad (20 000 sign-ups a second, so
/// some 400 000 ids after 20 s) the collector's pauses, which every callback in flight waits out, were 3 ms at the
/// median and up to 18–27 ms; with no object per id, 0.9 ms and at most 3.3 ms (dotnet-trace, the GC's own events). An
/// array of longs holds no references, and the collector never looks inside it.
/// </para>
/// <para>
/// A fingerprint can match another id's (about one pair in 2^64, from a key drawn at start-up): <see cref="Contains"/>
/// then asks the table, so a new message is never taken for a redelivery. Two generations: ids go into the current
/// one, which after <see cref="Span"/> becomes the previous one, the one before it dropped: an id stays known between
/// <see cref="Span"/> and twice that. A generation that reaches <see cref="MaxPerGeneration"/> ids moves on early,
/// so that a flood cannot grow the set without bound; ids dropped that way fall back to the claim's write.
/// </para>
/// </remarks>
internal sealed class RecentClaims(Database database, TimeProvider time)
{
    public static readonly TimeSpan Span = CallbackWindow.Width * 2;

    /// <summary>10–20 MB a generation: a school sends that many messages in years, a flood in under a minute.</summary>
    internal const int MaxPerGeneration = 1 << 19;

    private const string LoadSql = """
        SELECT channel_id, message_id FROM processed_messages WHERE received_at >= @Since
        """;

    private const string ClaimedSql = """
        SELECT 1 FROM processed_messages WHERE channel_id = @Channel AND message_id = @Id
        """;

    private static readonly ulong Key = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    private readonly Lock _lock = new();
    private HashSet<long> _current = [];
    private HashSet<long> _previous = [];
    private long _currentSinceTicks = time.GetUtcNow().UtcTicks;
    private volatile bool _loaded;
    private readonly Lock _loading = new();

    public bool Contains(string channelId, string messageId)
    {
        if (!_loaded) Load();
        if (!Known(Fingerprint(channelId, messageId))) return false;
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>(ClaimedSql, new { Channel = channelId, Id = messageId }) is not null;
    }

    public void Add(MessageClaim claim) => Add(Fingerprint(claim.ChannelId, claim.MessageId));

    /// <summary>Adds a fingerprint as it is (the tests make two ids share one).</summary>
    internal void Add(long fingerprint)
    {
        lock (_lock)
        {
            MoveOnIfDue();
            _current.Add(fingerprint);
        }
    }

    /// <summary>Whether the fingerprint is in either generation (a match still to be confirmed by the table).</summary>
    internal bool Known(long fingerprint)
    {
        lock (_lock)
        {
            MoveOnIfDue();
            return _current.Contains(fingerprint) || _previous.Contains(fingerprint);
        }
    }

    // Under _lock.
    private void MoveOnIfDue()
    {
        var now = time.GetUtcNow().UtcTicks;
        if (now - _currentSinceTicks < Span.Ticks && _current.Count < MaxPerGeneration) return;
        (_previous, _current) = (_current, []);
        _currentSinceTicks = now;
    }

    /// <summary>FNV-1a over the channel, a separator no id holds (a control character) and the id, from a secret start.</summary>
    internal static long Fingerprint(string channelId, string messageId)
    {
        const ulong Prime = 0x100000001b3;
        var hash = Key;
        foreach (var c in channelId) hash = (hash ^ c) * Prime;
        hash = (hash ^ 0) * Prime;
        foreach (var c in messageId) hash = (hash ^ c) * Prime;
        return (long)hash;
    }

    // A failed read is not remembered as done: the next message tries again (and is answered with the error meanwhile).
    private void Load()
    {
        lock (_loading)
        {
            if (_loaded) return;
            using var connection = database.Open();
            var since = StoredTime.Format(time.GetUtcNow() - Span);
            var fingerprints = connection.Query<(string, string)>(LoadSql, new { Since = since })
                .Select(row => Fingerprint(row.Item1, row.Item2)).ToList();
            lock (_lock) _current.UnionWith(fingerprints);
            _loaded = true;
        }
    }
}
