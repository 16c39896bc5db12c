using Microsoft.Data.Sqlite;
using UnionBot.Core.Callbacks;

namespace UnionBot.Core.Storage;

/// <summary>
/// The only writer of this process: every write (message-id claims, sign-ups, polls, suggestions, the audit log, the
/// outbox, the schedule sync) runs one after another on a single writer loop, in batches: each batch is one
/// BEGIN IMMEDIATE … COMMIT.
/// </summary>
/// <remarks>
/// Fifty callbacks at once, each taking a lock for its own transaction, hand the writer from one request to the next
/// through the thread pool's queue: every hand-over waits behind the other requests' work while the writer stands idle.
/// Here the loop takes everything queued so far and runs it at once on one connection, so the writer is never handed
/// over and a commit serves the whole batch.
/// The loop runs on a thread of its own, not on the thread pool: on the pool it would queue behind the requests it
/// serves each time it gives its thread up, and every callback waiting for a commit waits that long too.
/// <list type="bullet">
/// <item>Items run in the order they were queued: that order is arrival order (a sign-up's places).</item>
/// <item>An item that throws fails alone: its batch is rolled back and every item of it runs again in a transaction
/// of its own (a savepoint around every item cost more than the rare retry).</item>
/// <item>A task completes only after its transaction committed: nobody acts on a write that could still be rolled
/// back. When BEGIN or COMMIT fails, nothing is kept and each item is tried once more alone, then fails with its error.</item>
/// <item>Nothing else in the process writes, so a batch never overlaps another writer of this process; BEGIN IMMEDIATE
/// keeps it apart from other processes (the command-line verbs, a second bot by mistake).</item>
/// <item>An item given a <see cref="MessageClaim"/> not yet committed writes the claim first, in its own transaction:
/// the message id commits with the command's writes or not at all. When the id is claimed already (the same message
/// delivered twice at once), the work does not run and the caller gets <see cref="MessageAlreadyClaimedException"/>.</item>
/// <item>Once queued, an item runs whatever happens to the caller: <c>ct</c> only stops one not yet queued.</item>
/// <item>A commit never waits for a checkpoint: <see cref="WalCheckpoints"/> copies the WAL into the database file on a
/// thread of its own, every <see cref="WalCheckpoints.ItemsApart"/> items and when the queue runs empty after
/// <see cref="WalCheckpoints.ItemsWhenQuiet"/>; only when the WAL file has outgrown
/// <see cref="WalCheckpoints.CatchUpBytes"/> does the writer checkpoint, between two batches, to keep it bounded.</item>
/// </list>
/// Items run synchronously on the loop's thread and must do nothing but database work on the connection given.
/// </remarks>
public sealed class WriteQueue(Database database)
{
    /// <summary>How long the writer's thread waits for more work before it ends (a new one starts with the next item).</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the connection stays open while the queue is empty. Under load the queue runs empty between most
    /// batches (fifty callbacks are mostly elsewhere: reading, decrypting, answering), and a connection closed there was
    /// opened again a moment later, with its pragmas and the kept statements compiled again (a profile at 8 000 sign-ups a
    /// second: the writer parsing SQL, reading the database header and taking file locks at every batch).
    /// </summary>
    private static readonly TimeSpan KeepOpen = TimeSpan.FromMilliseconds(50);

    private readonly object _lock = new();
    private List<IItem> _queue = [];
    private bool _running;
    private bool _idle;

    // Only the writer's thread touches it: open while batches follow one another, so that the statements it keeps
    // (PreparedCommands) are compiled once per burst, not once per batch.
    private SqliteConnection? _connection;

    private readonly WalCheckpoints _checkpoints = new(database);

    /// <summary>Whether the writer holds its connection now (it lets it go after <see cref="KeepOpen"/> of quiet).</summary>
    internal bool HoldsConnection => Volatile.Read(ref _connection) is not null;

    internal WalCheckpoints Checkpoints => _checkpoints;

    /// <summary>Runs <paramref name="work"/> in the next batch; its result once that batch is committed.</summary>
    public Task<T> RunAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken ct = default) =>
        RunAsync(null, work, ct);

    /// <summary>Runs <paramref name="work"/> in the next batch, after writing <paramref name="claim"/> in the same transaction.</summary>
    public Task<T> RunAsync<T>(MessageClaim? claim, Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var item = new Item<T>(claim, work);
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
            if (!AwaitWork(KeepOpen))
            {
                // Not kept across a quiet spell: the next batch asks the pool again, and Database.Open replaces a handle
                // that can no longer write (a database made read-only and writable again heals at the next message).
                CloseConnection();
                if (!AwaitWork(Linger, endWhenNone: true)) return;
            }
            List<IItem> batch;
            lock (_lock) (batch, _queue) = (_queue, []);
            WriteBatch(batch);
            bool more;
            lock (_lock) more = _queue.Count > 0;
            if (_connection is { } connection) _checkpoints.CatchUpIfLong(connection);
            _checkpoints.Committed(batch.Count, quiet: !more);
        }
    }

    /// <summary>
    /// True when work is queued or comes within <paramref name="wait"/>; false otherwise, and then with
    /// <paramref name="endWhenNone"/> the loop is over (the next item starts another thread).
    /// </summary>
    private bool AwaitWork(TimeSpan wait, bool endWhenNone = false)
    {
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _idle = true;
                Monitor.Wait(_lock, wait);
                _idle = false;
            }
            if (_queue.Count > 0) return true;
            if (endWhenNone) _running = false;
            return false;
        }
    }

    // Its commits leave the WAL to WalCheckpoints: an automatic checkpoint would make the whole queue wait for it.
    private SqliteConnection OpenConnection()
    {
        var connection = database.Open();
        _checkpoints.Configure(connection);
        return connection;
    }

    private void CloseConnection()
    {
        _connection?.Dispose();
        Volatile.Write(ref _connection, null);
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
            var connection = _connection ??= OpenConnection();
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
        // After a failure the connection is not trusted with the next try: each try opens its own.
        if (failure is not null) CloseConnection();
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

    private sealed class Item<T>(MessageClaim? claim, Func<SqliteConnection, SqliteTransaction, T> work) : IItem
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _claimedElsewhere;

        public Task<T> Task => _done.Task;

        public Exception? Run(SqliteConnection connection, SqliteTransaction tx)
        {
            try
            {
                // Nothing is written when the claim is refused, so the rest of the batch can commit.
                _claimedElsewhere = claim is { Committed: false } && !claim.TryInsert(connection, tx);
                if (!_claimedElsewhere) _result = work(connection, tx);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        public void Complete()
        {
            if (_claimedElsewhere)
            {
                _done.TrySetException(new MessageAlreadyClaimedException());
                return;
            }
            claim?.MarkCommitted();
            _done.TrySetResult(_result!);
        }

        public void Fail(Exception e) => _done.TrySetException(e);
    }
}
