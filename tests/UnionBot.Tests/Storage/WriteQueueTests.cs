using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

public sealed class WriteQueueTests : IDisposable
{
    private readonly ScratchDatabase _scratch =
        new("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);", pooled: false);
    private readonly Database _database;

    public WriteQueueTests() => _database = _scratch.Database;

    public void Dispose() => _scratch.Dispose();

    private static long Insert(SqliteConnection c, SqliteTransaction tx, string name) =>
        c.ExecuteScalar<long>("INSERT INTO items (name) VALUES (@name) RETURNING id;", new { name }, tx);

    private List<string> Names()
    {
        using var c = _database.Open();
        return c.Query<string>("SELECT name FROM items ORDER BY id").ToList();
    }

    [Fact]
    public async Task ItemsQueuedAtOnceAllCommitInTheOrderTheyWereQueued()
    {
        var names = Enumerable.Range(0, 300).Select(i => $"n{i:D3}").ToList();

        // Queued from one thread, so the queue order is known; the writer takes them in batches as they come.
        var tasks = names.Select(n => _database.Writes.RunAsync((c, tx) => Insert(c, tx, n))).ToList();
        var ids = await Task.WhenAll(tasks);

        Assert.Equal(names, Names());
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task ItemsThatFollowOneAnotherKeepTheWritersConnectionAndAQuietSpellClosesIt()
    {
        // One item at a time: the queue is empty after each batch, as it is between most batches under load.
        var seen = new List<SqliteConnection>();
        for (var i = 0; i < 20; i++) seen.Add(await _database.Writes.RunAsync((c, tx) => { Insert(c, tx, $"n{i}"); return c; }));

        // A stall of the test's own thread past the short wait may reopen it now and then, but not once per item.
        Assert.InRange(seen.Distinct().Count(), 1, 5);

        await WriterLetGoAsync(_database);
        var after = await _database.Writes.RunAsync((c, tx) => c);
        Assert.DoesNotContain(after, seen);
    }

    [Fact]
    public async Task AFailingItemFailsAloneAndTheOthersOfItsBatchAreKept()
    {
        // Hold the writer inside an item so that all three are queued before it runs them: they form one batch.
        using var hold = new ManualResetEventSlim();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = _database.Writes.RunAsync((_, _) => { running.SetResult(); hold.Wait(); return 0; });
        await running.Task;
        var first = _database.Writes.RunAsync((c, tx) => Insert(c, tx, "a"));
        var duplicate = _database.Writes.RunAsync((c, tx) => Insert(c, tx, "a")); // the UNIQUE constraint refuses it
        var last = _database.Writes.RunAsync((c, tx) => Insert(c, tx, "b"));
        hold.Set();
        await holder;

        await first;
        var error = await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        await last;
        Assert.Equal(["a", "b"], Names());
    }

    [Fact]
    public async Task AnItemIsAnsweredOnlyOnceItsWriteIsCommittedAndVisibleToOtherConnections()
    {
        var seen = await _database.Writes.RunAsync((c, tx) => Insert(c, tx, "x"))
            .ContinueWith(_ => Names(), TaskScheduler.Default);

        Assert.Equal(["x"], seen);
    }

    [Fact]
    public async Task AnItemThatThrowsKeepsNothingOfWhatItWroteBeforeThrowing()
    {
        var failing = _database.Writes.RunAsync<int>((c, tx) =>
        {
            Insert(c, tx, "half");
            throw new InvalidOperationException("boom");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Empty(Names());
        await _database.Writes.RunAsync((c, tx) => Insert(c, tx, "whole")); // and the writer goes on
        Assert.Equal(["whole"], Names());
    }

    [Fact]
    public async Task ACancelledCallerIsRefusedBeforeQueueingAndNothingIsWritten()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _database.Writes.RunAsync((c, tx) => Insert(c, tx, "no"), cts.Token));
        Assert.Empty(Names());
    }

    /// <summary>Waits until the writer has closed its connection after a quiet spell (a connection opened later is new).</summary>
    internal static async Task WriterLetGoAsync(Database database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (database.Writes.HoldsConnection && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.False(database.Writes.HoldsConnection, "the writer kept its connection through 10 s of quiet");
    }
}
