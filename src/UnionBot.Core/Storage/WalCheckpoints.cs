namespace UnionBot.Core.Storage;

/// <summary>
/// Copies the write-ahead log into the database file for <see cref="WriteQueue"/>, on a thread of its own: the writer's
/// commits never checkpoint (its connection has SQLite's automatic checkpoint off).
/// </summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside the commit that takes the WAL past 1000 pages, and with
/// synchronous = NORMAL it waits there for two fsyncs (the WAL's, then the database file's): tens of milliseconds on a
/// shared disk, hundreds when the disk is busy, and every callback queued behind the writer waits as long (the
/// p99 spikes of bench/CallbackLoad). Here a PASSIVE checkpoint on another connection copies what the writer has
/// committed while the writer goes on appending: it takes no lock the writer needs.
/// The WAL starts again from its beginning at the first write that finds all of it copied, so during a long burst it
/// grows while the checkpoints trail the writer; the checkpoint that follows the burst catches up.
/// </remarks>
internal sealed class WalCheckpoints(Database database)
{
    /// <summary>Items committed between two checkpoints during a burst.</summary>
    internal const int ItemsApart = 2000;

    /// <summary>
    /// Items committed since the last checkpoint that make a quiet spell checkpoint; fewer stay in the WAL, as under
    /// SQLite's own rule. A checkpoint holds a connection open for a moment: were the file made read-only then, SQLite
    /// could hand the next connection that checkpoint's writable file descriptor, and Database.IsStaleReadOnly would
    /// not see the fault. Not checkpointing after every message keeps those moments rare.
    /// </summary>
    internal const int ItemsWhenQuiet = 100;

    private int _items; // the writer's thread only
    private int _requested;
    private int _running;

    /// <summary>No checkpoint runs or waits to run.</summary>
    internal bool Idle => Volatile.Read(ref _running) == 0 && Volatile.Read(ref _requested) == 0;

    /// <summary>Called by the writer after each batch of <paramref name="items"/>; <paramref name="quiet"/> when nothing more is queued.</summary>
    public void Committed(int items, bool quiet)
    {
        _items += items;
        if (_items < (quiet ? ItemsWhenQuiet : ItemsApart)) return;
        _items = 0;
        Volatile.Write(ref _requested, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            new Thread(Run) { IsBackground = true, Name = "UnionBot SQLite checkpoint" }.UnsafeStart();
    }

    // One checkpoint at a time; a request made while one runs is served by another run right after it.
    private void Run()
    {
        do
        {
            while (Interlocked.Exchange(ref _requested, 0) == 1) database.Checkpoint();
            Volatile.Write(ref _running, 0);
        } while (Volatile.Read(ref _requested) == 1 && Interlocked.CompareExchange(ref _running, 1, 0) == 0);
    }
}
