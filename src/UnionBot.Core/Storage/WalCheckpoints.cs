using Microsoft.Data.Sqlite;

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
/// The WAL starts again from its beginning at the first write that finds all of it copied. While writes follow one
/// another faster than a checkpoint takes (a long burst, or messages a moment apart) the checkpoints trail the writer,
/// that never happens, and the WAL would grow without end, 9 KB a sign-up. So once the WAL file is longer than
/// <see cref="CatchUpBytes"/> the writer checkpoints itself, between two batches and when the other thread is not
/// checkpointing (it waits for one that is, which may be copying megabytes, only past twice the length): with nobody
/// appending, that copies what the last checkpoint left, and the next commit writes the WAL from its start. That pause (a copy and two
/// fsyncs) is the price of a bounded WAL. The length is far above what a school's traffic writes between two quiet
/// moments, and above the 64 MB or so that one run of bench/CallbackLoad writes, so that it stops a runaway WAL
/// without pausing ordinary load.
/// A WAL file longer than <see cref="KeptBytes"/> when the WAL starts again (after a long burst, or one huge
/// transaction) is cut back to it (the writer's journal_size_limit); a shorter one keeps its file, which the next
/// writes fill again instead of growing it anew.
/// </remarks>
internal sealed class WalCheckpoints(Database database)
{
    /// <summary>Items committed between two checkpoints while the queue never runs empty (the writer behind the callbacks).</summary>
    internal const int ItemsApart = 2000;

    /// <summary>
    /// Items committed since the last checkpoint that make a quiet spell checkpoint; fewer stay in the WAL, as under
    /// SQLite's own rule. A checkpoint holds a connection open for a moment: were the file made read-only then, SQLite
    /// could hand the next connection that checkpoint's writable file descriptor, and Database.IsStaleReadOnly would
    /// not see the fault. Not checkpointing after every message keeps those moments rare.
    /// Under load too the queue runs empty after most batches (the writer outpaces the callbacks' own work), so there a
    /// checkpoint follows every hundred or so items: at 18 000 sign-ups a second about 190 a second (perf sched), each a
    /// connection with its copy and its fsyncs. They are left that frequent on purpose: checkpoints only
    /// after the writer had nothing to do for 50 ms, or every 2 000 or 500 items, made a /报名 about 7 % cheaper in
    /// bench/CallbackLoad but its p99 37–56 ms instead of 9–23 ms (three runs each in turn; how the larger checkpoints
    /// held commits up was not traced; on 4 December, with the collector's pauses gone, every 1 000 items still gave a
    /// p99 of 58–67 ms in four runs).
    /// </summary>
    internal const int ItemsWhenQuiet = 100;

    /// <summary>Length of the WAL file past which the writer lets the checkpoint catch up; lowered only by tests.</summary>
    internal long CatchUpBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Length to which a longer WAL file is cut back when the WAL starts again; lowered only by tests.</summary>
    internal long KeptBytes { get; set; } = 64L * 1024 * 1024;

    private readonly string? _walFile = database.FilePath is { } file ? file + "-wal" : null;

    // Held while a checkpoint of this process runs, so that the writer can tell the other thread's from its own.
    private readonly Lock _checkpointing = new();

    private long _retryPast; // the writer's thread only: bytes past CatchUpBytes it waits for after a catch-up that failed
    private int _items; // the writer's thread only

    // The checkpoint thread and what it is asked, under _wake. One thread serves every checkpoint while they follow one
    // another and ends after Linger without one. Under load they come about 190 times a second; a thread for each (the
    // writer creating and naming it, the runtime setting it up and tearing it down) took 2.6 % of the writer's samples,
    // and without those starts bench/CallbackLoad's /报名 ran at 0.97–1.26× the rate (1.15× at the median) with a p99
    // of 4–6 ms instead of 5–41 ms, eight runs each in turn (README, "one checkpoint thread"; why the p99 moved so much
    // was not traced).
    private readonly object _wake = new();
    private bool _requested;
    private bool _checkpointingNow;
    private bool _waiting;
    private bool _threadAlive;

    /// <summary>How long the checkpoint thread waits for the next request before it ends (a new one starts with it); lowered only by tests.</summary>
    internal TimeSpan Linger { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the checkpoint thread is alive (running a checkpoint or waiting for the next request).</summary>
    internal bool ThreadAlive
    {
        get
        {
            lock (_wake) return _threadAlive;
        }
    }

    /// <summary>No checkpoint runs or waits to run.</summary>
    internal bool Idle
    {
        get
        {
            lock (_wake) return !_checkpointingNow && !_requested;
        }
    }

    /// <summary>Called by the writer after each batch of <paramref name="items"/>; <paramref name="quiet"/> when nothing more is queued.</summary>
    public void Committed(int items, bool quiet)
    {
        _items += items;
        if (_items < (quiet ? ItemsWhenQuiet : ItemsApart)) return;
        _items = 0;
        lock (_wake)
        {
            _requested = true; // a request made while one runs is served by another run right after it
            if (_waiting) Monitor.Pulse(_wake);
            else if (!_threadAlive)
            {
                _threadAlive = true;
                // Linux keeps 15 characters of a thread's name: "UnionBot WAL ch" tells it from the writer's in perf and top.
                new Thread(Run) { IsBackground = true, Name = "UnionBot WAL checkpoint" }.UnsafeStart();
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            lock (_wake)
            {
                if (!_requested)
                {
                    _waiting = true;
                    Monitor.Wait(_wake, Linger);
                    _waiting = false;
                    if (!_requested)
                    {
                        _threadAlive = false;
                        return;
                    }
                }
                _requested = false;
                _checkpointingNow = true;
            }
            try
            {
                lock (_checkpointing) database.Checkpoint();
            }
            finally
            {
                lock (_wake) _checkpointingNow = false;
            }
        }
    }

    /// <summary>Sets up the writer's connection: it never checkpoints in a commit, and cuts its WAL file back to <see cref="KeptBytes"/>.</summary>
    public void Configure(SqliteConnection connection)
    {
        SQLitePCL.raw.sqlite3_wal_autocheckpoint(connection.Handle, 0);
        using var limit = connection.CreateCommand();
        limit.CommandText = $"PRAGMA journal_size_limit = {KeptBytes};"; // a long; PRAGMA takes no parameters
        limit.ExecuteNonQuery();
    }

    /// <summary>
    /// Called by the writer after a commit, on its connection (in no transaction): when the WAL file is longer than
    /// <see cref="CatchUpBytes"/> and no other checkpoint runs, checkpoints there while nothing appends.
    /// </summary>
    public void CatchUpIfLong(SqliteConnection connection)
    {
        if (_walFile is null) return;
        var length = WalLength(_walFile);
        if (length <= CatchUpBytes + _retryPast) return;
        // While the other thread checkpoints, the next batch tries again (less is left to copy then); past twice the
        // length the writer waits for it, so that the bound holds however slow the disk.
        if (length > 2 * CatchUpBytes) _checkpointing.Enter();
        else if (!_checkpointing.TryEnter()) return;
        WalState? wal;
        try
        {
            wal = database.Checkpoint(connection);
        }
        finally
        {
            _checkpointing.Exit();
        }
        // A reader still on an older snapshot keeps what it reads from being copied, and the WAL from starting again
        // (as does a failed checkpoint): the writer tries again after another quarter of the length, not every batch.
        _retryPast = wal is { CaughtUp: true } ? 0 : length - CatchUpBytes + CatchUpBytes / 4;
    }

    private static long WalLength(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0; // no WAL file (yet): nothing to copy
        }
    }
}
