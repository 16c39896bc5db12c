using System.Globalization;
using Dapper;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Callbacks;

/// <summary>
/// Remembers which platform messages were already handled, in SQLite so that it holds across restarts.
/// WeCom redelivers after 5 s and DingTalk after about 60 s; ids are kept <see cref="Retention"/>, well past
/// the 1 h timestamp window, so a replayed callback is refused by either the window or this table.
/// </summary>
/// <remarks>
/// Claims go through <see cref="Database.Writes"/>: claims and sign-ups that arrive while the writer is busy are
/// committed together in one transaction (group commit). Each claim still commits before its command runs, and the
/// unique key decides each id on its own, so an id claimed twice in one batch is claimed once.
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

    /// <summary>
    /// Records the message as handled; false when it was already recorded (a redelivery). Once queued, a claim is
    /// written whatever happens to the caller: <paramref name="ct"/> only stops one that has not been queued yet.
    /// </summary>
    public Task<bool> TryClaimAsync(string channelId, string messageId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return database.Writes.RunAsync((connection, tx) =>
        {
            PruneIfDue(connection, tx, now);
            return connection.Execute(ClaimSql, new { ChannelId = channelId, MessageId = messageId, ReceivedAt = Iso(now) }, tx) == 1;
        }, ct);
    }

    /// <summary>Deletes ids older than the retention; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        using var turn = await WriteGate.EnterAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(PruneSql,
            new { Cutoff = Iso(time.GetUtcNow() - Retention) }, cancellationToken: ct));
    }

    private void PruneIfDue(System.Data.IDbConnection connection, System.Data.IDbTransaction tx, DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < PruneEvery.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last) return;
        connection.Execute(PruneSql, new { Cutoff = Iso(now - Retention) }, tx);
    }

    // Fixed-width UTC text so that string order is time order in SQL comparisons.
    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
