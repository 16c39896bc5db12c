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
/// Claims that arrive while another claim or a command holds the writer are committed together in one transaction
/// (group commit): under fifty callbacks at once the single writer otherwise spent a turn, a commit and a hand-over
/// to the next waiting thread on every claim. Each claim still commits before its command runs, and the unique key
/// decides each id on its own, so an id claimed twice in one batch is claimed once.
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

    private sealed record Claim(string ChannelId, string MessageId, TaskCompletionSource<bool> Done);

    private readonly Lock _queueLock = new();
    private List<Claim> _queue = [];
    private bool _writing;
    private long _lastPruneTicks = long.MinValue;

    /// <summary>
    /// Records the message as handled; false when it was already recorded (a redelivery). Once queued, a claim is
    /// written whatever happens to the caller: <paramref name="ct"/> only stops one that has not been queued yet.
    /// </summary>
    public Task<bool> TryClaimAsync(string channelId, string messageId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var claim = new Claim(channelId, messageId, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool startWriter;
        lock (_queueLock)
        {
            _queue.Add(claim);
            startWriter = !_writing;
            _writing = true;
        }
        if (startWriter) _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        return claim.Done.Task;
    }

    /// <summary>Deletes ids older than the retention; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        using var turn = await WriteGate.EnterAsync(database, ct);
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(PruneSql,
            new { Cutoff = Iso(time.GetUtcNow() - Retention) }, cancellationToken: ct));
    }

    // One writer loop at a time: each turn of the commands' WriteGate takes every claim queued so far.
    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            using (await WriteGate.EnterAsync(database, CancellationToken.None))
            {
                List<Claim> batch;
                lock (_queueLock) (batch, _queue) = (_queue, []);
                await WriteBatchAsync(batch);
            }
            lock (_queueLock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }
        }
    }

    private async Task WriteBatchAsync(List<Claim> batch)
    {
        try
        {
            var now = time.GetUtcNow();
            var receivedAt = Iso(now);
            var claimed = new bool[batch.Count];
            await using (var connection = await database.OpenAsync())
            await using (var tx = await connection.BeginTransactionAsync())
            {
                await PruneIfDueAsync(connection, tx, now);
                for (var i = 0; i < batch.Count; i++)
                    claimed[i] = await connection.ExecuteAsync(ClaimSql,
                        new { batch[i].ChannelId, batch[i].MessageId, ReceivedAt = receivedAt }, tx) == 1;
                await tx.CommitAsync();
            }
            // Answered only after the commit: a command never runs on a claim that could still be rolled back.
            for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(claimed[i]);
        }
        catch (Exception e)
        {
            foreach (var claim in batch) claim.Done.TrySetException(e);
        }
    }

    private async Task PruneIfDueAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < PruneEvery.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last) return;
        await connection.ExecuteAsync(PruneSql, new { Cutoff = Iso(now - Retention) }, tx);
    }

    // Fixed-width UTC text so that string order is time order in SQL comparisons.
    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
