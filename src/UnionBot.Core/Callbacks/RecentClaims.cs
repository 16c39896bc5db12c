using System.Collections.Concurrent;
using Dapper;
using UnionBot.Core.Platforms;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Callbacks;

/// <summary>
/// The message ids claimed in the last <see cref="Span"/>, in memory: read once from <c>processed_messages</c> when the
/// first message arrives, then kept by every committed claim. A redelivery is told from a new message without a read
/// of the table, which cost every message a query of its own while the writer worked.
/// </summary>
/// <remarks>
/// Platforms deliver again within seconds (WeCom after 5 s) or about a minute (DingTalk), and a captured callback is
/// accepted within <see cref="CallbackWindow.Width"/> either side of its timestamp. A repeat older than the span is
/// still refused by the claim's own write (unique key): its command reads, writes nothing, and its reply is dropped.
/// Only the bot writes claims (no command-line verb does), so the table holds nothing this set does not know.
/// </remarks>
internal sealed class RecentClaims(Database database, TimeProvider time)
{
    public static readonly TimeSpan Span = CallbackWindow.Width * 2;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);

    private const string LoadSql = """
        SELECT channel_id, message_id, received_at FROM processed_messages WHERE received_at >= @Since
        """;

    private readonly ConcurrentDictionary<(string Channel, string Id), long> _claimedAtTicks = new();
    private volatile bool _loaded;
    private readonly Lock _loading = new();
    private long _nextSweepTicks;

    public bool Contains(string channelId, string messageId)
    {
        if (!_loaded) Load();
        return _claimedAtTicks.ContainsKey((channelId, messageId));
    }

    public void Add(MessageClaim claim)
    {
        _claimedAtTicks[(claim.ChannelId, claim.MessageId)] = claim.At.UtcTicks;
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + SweepEvery.Ticks, due) != due) return;
        var cutoff = now - Span.Ticks;
        foreach (var (key, at) in _claimedAtTicks)
            if (at < cutoff) _claimedAtTicks.TryRemove(KeyValuePair.Create(key, at));
    }

    // A failed read is not remembered as done: the next message tries again (and is answered with the error meanwhile).
    private void Load()
    {
        lock (_loading)
        {
            if (_loaded) return;
            using var connection = database.Open();
            var since = StoredTime.Format(time.GetUtcNow() - Span);
            foreach (var (channel, id, at) in connection.Query<(string, string, string)>(LoadSql, new { Since = since }))
                _claimedAtTicks.TryAdd((channel, id), StoredTime.Parse(at).UtcTicks);
            _loaded = true;
        }
    }
}
