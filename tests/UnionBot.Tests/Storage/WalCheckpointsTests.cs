using Dapper;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

/// <summary>The writer's commits never wait for a checkpoint, and what they wrote still reaches the database file.</summary>
public sealed class WalCheckpointsTests : IDisposable
{
    // Pooled, as in the bot: a pooled connection stays open, so closing it never checkpoints.
    private readonly ScratchDatabase _scratch = new("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);");
    private readonly Database _database;
    private readonly string _file;

    public WalCheckpointsTests() => (_database, _file) = (_scratch.Database, _scratch.File);

    public void Dispose() => _scratch.Dispose();

    private Task<int> Burst(int items) => Task.WhenAll(Enumerable.Range(0, items).Select(i => _database.Writes.RunAsync((c, tx) =>
        c.Execute("INSERT INTO items (body) VALUES (@body);", new { body = new string('x', 3000) }, tx))))
        .ContinueWith(t => t.Result.Sum(), TaskScheduler.Default);

    private long FileLength(string suffix = "") => new FileInfo(_file + suffix).Length;

    [Fact]
    public async Task TheWritersConnectionNeverCheckpointsInACommit()
    {
        var pages = await _database.Writes.RunAsync((c, tx) => c.ExecuteScalar<long>("PRAGMA wal_autocheckpoint;", transaction: tx));

        Assert.Equal(0, pages);
    }

    [Fact]
    public async Task WhatABurstWroteReachesTheDatabaseFileOnceTheWriterIsQuiet()
    {
        var before = FileLength();

        // About 300 pages: under SQLite's own threshold of 1000, so only the writer's quiet moment copies them.
        Assert.Equal(300, await Burst(300));

        await Eventually.TrueAsync(() => Task.FromResult(FileLength() > before + 300 * 3000),
            "the burst is copied from the WAL into the database file", () => Task.FromResult($"{FileLength()} bytes, WAL {FileLength("-wal")}"));
    }

    [Fact]
    public async Task ABurstAfterTheCheckpointThreadEndedIsCopiedByANewOne()
    {
        _database.Writes.Checkpoints.Linger = TimeSpan.FromMilliseconds(50);
        await Burst(300);
        await CheckpointedAsync("the first burst");
        await Eventually.TrueAsync(() => Task.FromResult(!_database.Writes.Checkpoints.ThreadAlive),
            "the checkpoint thread ends after a quiet spell");
        var before = FileLength();

        await Burst(300);

        await Eventually.TrueAsync(() => Task.FromResult(FileLength() > before + 300 * 3000),
            "the second burst is copied into the database file", () => Task.FromResult($"{FileLength()} bytes, WAL {FileLength("-wal")}"));
    }

    [Fact]
    public async Task BurstsAfterQuietSpellsWriteTheWalAgainFromItsStartInsteadOfGrowingIt()
    {
        await Burst(300);
        await CheckpointedAsync("the first burst");
        var wal = FileLength("-wal");

        for (var i = 2; i <= 4; i++)
        {
            await Burst(300);
            await CheckpointedAsync($"burst {i}");
        }

        Assert.InRange(FileLength("-wal"), 0, wal * 3 / 2);
    }

    [Fact]
    public async Task WritesAMomentApartKeepTheWalNearTheLengthAtWhichTheWriterCatchesUp()
    {
        // Each write waits for the one before, so a checkpoint on the other thread always finds the writer appending.
        _database.Writes.Checkpoints.CatchUpBytes = 1024 * 1024;
        long longest = 0;

        for (var i = 0; i < 3000; i++)
        {
            await _database.Writes.RunAsync((c, tx) =>
                c.Execute("INSERT INTO items (body) VALUES (@body);", new { body = new string('x', 300) }, tx));
            longest = Math.Max(longest, FileLength("-wal"));
        }

        // Left to trail the writer, the checkpoints let this WAL grow to 27 MB, 9 KB a write. Past 1 MB the writer
        // catches up once the other thread is not checkpointing, and past 2 MB it waits for that.
        Assert.InRange(longest, 0, 2 * 1024 * 1024 + 64 * 1024);
        await using var read = await _database.OpenAsync();
        Assert.Equal(3000, await read.ExecuteScalarAsync<long>("SELECT count(*) FROM items;"));
    }

    [Fact]
    public async Task AWalFileLongerThanTheKeptLengthIsCutBackToItWhenTheWriterStartsItAgain()
    {
        _database.Writes.Checkpoints.CatchUpBytes = 1024 * 1024;
        _database.Writes.Checkpoints.KeptBytes = 1024 * 1024;
        // One transaction of 6 MB: a batch is never split, so the WAL outgrows the length once.
        await _database.Writes.RunAsync((c, tx) =>
        {
            for (var i = 0; i < 2000; i++) c.Execute("INSERT INTO items (body) VALUES (@body);", new { body = new string('x', 3000) }, tx);
            return 0;
        });
        var afterBurst = FileLength("-wal");

        await Burst(1);

        Assert.InRange(afterBurst, 6_000_000, long.MaxValue);
        Assert.InRange(FileLength("-wal"), 0, 1024 * 1024);
    }

    /// <summary>Until the checkpoints are over and the database file holds every page the WAL wrote.</summary>
    private Task CheckpointedAsync(string what) => Eventually.TrueAsync(async () =>
    {
        await using var c = await _database.OpenAsync();
        var bytes = await c.ExecuteScalarAsync<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size();");
        return _database.Writes.Checkpoints.Idle && FileLength() == bytes;
    }, $"{what} is copied into the database file");
}
