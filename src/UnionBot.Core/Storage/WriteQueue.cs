using Microsoft.Data.Sqlite;

namespace UnionBot.Core.Storage;

/// <summary>
/// The writes every teacher's message makes (the message-id claim, the sign-up) run one after another by a single
/// writer loop, in batches: each batch is one BEGIN IMMEDIATE … COMMIT.
/// </summary>
/// <remarks>
/// With <see cref="WriteGate"/> alone, fifty callbacks at once handed the writer from one request to the next through
/// the thread pool's queue: every hand-over waited behind the other requests' work while the writer stood idle, and a
/// callback spent most of its time in that line (bench/CallbackLoad: server-side p50 27 ms of a 30 ms answer). Here
/// the loop takes everything queued so far and runs it at once on one connection, so the writer is never handed over
/// and a commit serves the whole batch.
/// The loop runs on a thread of its own, not on the thread pool: there it queued behind the requests it was serving
/// whenever it gave its thread up, and a callback's p99 was twice what it is now.
/// <list type="bullet">
/// <item>Items run in the order they were queued: that order is arrival order (a sign-up's places).</item>
/// <item>An item that throws fails alone: its batch is rolled back and every item of it runs again in a transaction
/// of its own (a savepoint around every item cost more than the rare retry).</item>
/// <item>A task completes only after its transaction committed: nobody acts on a write that could still be rolled
/// back. When BEGIN or COMMIT fails, nothing is kept and each item is tried once more alone, then fails with its error.</item>
/// <item>The loop holds <see cref="WriteGate"/> for each batch, so it never overlaps the other writers of this
/// process; BEGIN IMMEDIATE keeps it apart from other processes.</item>
/// <item>Once queued, an item runs whatever happens to the caller: <c>ct</c> only stops one not yet queued.</item>
/// </list>
/// Items run synchronously on the loop's thread and must do nothing but database work on the connection given.
/// </remarks>
public sealed class WriteQueue(Database database)
{
    /// <summary>How long the writer's thread waits for more work before it ends (a new one starts with the next item).</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(10);

    private readonly object _lock = new();
    private List<IItem> _queue = [];
    private bool _running;
    private bool _idle;

    /// <summary>Runs <paramref name="work"/> in the next batch; its result once that batch is committed.</summary>
    public Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var item = new Item<T>(work);
        lock (_lock)
        {
            _queue.Add(item);
            if (_idle) Monitor.Pulse(_lock);
            else if (!_running)
            {
                _running = true;
                // UnsafeStart: no request's execution context rides along into the writer.
                new Thread(WriteQueued) { IsBackground = true, Name = "UnionBot SQLite writer" }.UnsafeStart();
            }
        }
        return item.Task;
    }

    // Starting a thread costs more than a batch: one lingers between bursts and ends after a quiet spell.
    private void WriteQueued()
    {
        while (true)
        {
            List<IItem> batch;
            lock (_lock)
            {
                while (_queue.Count == 0)
                {
                    _idle = true;
                    var woken = Monitor.Wait(_lock, Linger);
                    _idle = false;
                    if (!woken && _queue.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                }
            }
            // The gate is taken again for every batch so that the other writers (the outbox, /公告, polls) get their turn.
            using (WriteGate.Enter(database))
            {
                lock (_lock) (batch, _queue) = (_queue, []);
                WriteBatch(batch);
            }
        }
    }

    private void WriteBatch(List<IItem> batch)
    {
        if (TryCommit(batch)) return;
        // Something in the batch failed and the whole batch was rolled back: each item runs again in a transaction of
        // its own, so that a failing item fails alone and the others are kept.
        foreach (var item in batch) TryCommit([item]);
    }

    /// <summary>
    /// Runs the items in one transaction and completes them after the commit; false, with nothing kept and nobody
    /// answered, when an item threw or the transaction failed. A single item is always answered.
    /// </summary>
    private bool TryCommit(List<IItem> items)
    {
        Exception? failure = null;
        try
        {
            using var connection = database.Open();
            using var tx = connection.BeginTransaction();
            foreach (var item in items)
            {
                if (item.Run(connection, tx) is { } error)
                {
                    failure = error;
                    break; // disposing the transaction uncommitted rolls it back
                }
            }
            if (failure is null) tx.Commit();
        }
        catch (Exception e)
        {
            failure = e; // BEGIN or COMMIT failed: nothing of the transaction is kept
        }
        if (failure is not null && Database.IsStorageFault(failure)) database.NoteFault();
        if (failure is null)
        {
            foreach (var item in items) item.Complete();
            return true;
        }
        if (items.Count > 1) return false;
        items[0].Fail(failure);
        return true;
    }

    private interface IItem
    {
        /// <summary>Runs the work; the exception when it threw.</summary>
        Exception? Run(SqliteConnection connection, SqliteTransaction tx);

        /// <summary>Answers the caller with the result of the last run, once it is committed.</summary>
        void Complete();

        void Fail(Exception e);
    }

    private sealed class Item<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IItem
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public Exception? Run(SqliteConnection connection, SqliteTransaction tx)
        {
            try
            {
                _result = work(connection, tx);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        public void Complete() => _done.TrySetResult(_result!);

        public void Fail(Exception e) => _done.TrySetException(e);
    }
}
