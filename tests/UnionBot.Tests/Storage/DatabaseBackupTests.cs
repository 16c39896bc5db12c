using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Cli;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

/// <summary><c>backup &lt;file&gt;</c>: a copy as of one commit while the bot writes, and one line for every bad input.</summary>
public sealed class DatabaseBackupTests
{
    private const int RowsPerCommit = 50;

    private const string CreateLoad = """
        CREATE TABLE load_rows (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, payload TEXT NOT NULL);
        CREATE TABLE load_total (n INTEGER NOT NULL);
        INSERT INTO load_total VALUES (0);
        """;

    private const string InsertRow = "INSERT INTO load_rows (batch, payload) VALUES (@Batch, @Payload);";
    private const string AddToTotal = "UPDATE load_total SET n = n + @Count;";

    [Fact]
    public async Task ACopyTakenWhileRowsAreCommittedIsIntactAndHoldsWholeCommitsOnly()
    {
        using var dir = new TempDirectory();
        var database = new Database($"Data Source={dir.File("unionbot.db")}", NullLogger<Database>.Instance);
        var schema = database.Migrate();
        await using (var setup = await database.OpenAsync()) await setup.ExecuteAsync(CreateLoad);

        using var stop = new CancellationTokenSource();
        var committed = 0L;
        var writer = Task.Run(async () =>
        {
            var payload = new string('字', 200); // a few pages per commit, so the copy spans pages written meanwhile
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                await using var connection = await database.OpenAsync();
                await using var tx = await connection.BeginTransactionAsync();
                for (var i = 0; i < RowsPerCommit; i++) await connection.ExecuteAsync(InsertRow, new { Batch = batch, Payload = payload }, tx);
                await connection.ExecuteAsync(AddToTotal, new { Count = RowsPerCommit }, tx);
                await tx.CommitAsync();
                Interlocked.Add(ref committed, RowsPerCommit);
            }
        });

        var copies = new List<(string Path, long CommittedBefore, long CommittedAfter)>();
        for (var i = 0; i < 3; i++)
        {
            var seen = Interlocked.Read(ref committed);
            while (Interlocked.Read(ref committed) < seen + 20 * RowsPerCommit) await Task.Delay(5); // writes between copies
            var before = Interlocked.Read(ref committed);
            var copy = DatabaseBackup.Run(database.ConnectionString, dir.Path, dir.File($"backups/copy-{i}.db"));
            copies.Add((copy.Path, before, Interlocked.Read(ref committed)));
            Assert.Equal(schema, copy.SchemaVersion);
        }
        await stop.CancelAsync();
        await writer; // the writer was never refused: a backup does not block the bot's commits

        foreach (var (path, before, after) in copies)
        {
            await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync();
            Assert.Equal("ok", await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check;"));
            Assert.Equal("delete", await copy.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
            var rows = await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM load_rows;");
            Assert.Equal(rows, await copy.ExecuteScalarAsync<long>("SELECT n FROM load_total;"));
            Assert.Equal(0, rows % RowsPerCommit);
            Assert.InRange(rows, before, after);
            Assert.Empty(await copy.QueryAsync<long>($"SELECT batch FROM load_rows GROUP BY batch HAVING COUNT(*) <> {RowsPerCommit};"));
        }
        Assert.False(File.Exists(dir.File("backups/copy-0.db.partial")));
    }

    [Fact]
    public async Task TheVerbFindsTheDatabaseRelativeToTheBotsFolderAndSaysWhereTheCopyIs()
    {
        using var home = new TempDirectory();
        new Database($"Data Source={home.File("data/unionbot.db")}", NullLogger<Database>.Instance).Migrate();
        using var elsewhere = new TempDirectory();
        var target = Path.Combine(elsewhere.Path, "nightly", "unionbot-2026-12-02.db");

        var (exit, stdout, stderr) = await Run(home.Path, "backup", target);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith($"backup written: {target} (", stdout);
        Assert.EndsWith("integrity ok)\n", stdout);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task AMissingFileArgumentExitsTwoWithOneLine()
    {
        using var home = new TempDirectory();

        var (exit, stdout, stderr) = await Run(home.Path, "backup");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("missing backup file", stderr);
    }

    [Fact]
    public async Task NoDatabaseExitsTwoAndCreatesNothing()
    {
        using var home = new TempDirectory();

        var (exit, _, stderr) = await Run(home.Path, "backup", home.File("copy.db"));

        Assert.Equal(2, exit);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("no database at", stderr);
        Assert.False(File.Exists(home.File("data/unionbot.db")));
        Assert.False(File.Exists(home.File("copy.db")));
    }

    [Fact]
    public async Task ATargetThatCannotBeWrittenExitsTwoWithOneLineAndLeavesNoPartialFile()
    {
        using var home = new TempDirectory();
        new Database($"Data Source={home.File("data/unionbot.db")}", NullLogger<Database>.Instance).Migrate();
        File.WriteAllText(home.File("a-file"), "not a folder");
        var target = Path.Combine(home.File("a-file"), "copy.db"); // its folder is a file: unwritable even for root

        var (exit, _, stderr) = await Run(home.Path, "backup", target);

        Assert.Equal(2, exit);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"unionbot: cannot write {target}", stderr);
    }

    [Fact]
    public async Task TheDatabaseItselfIsRefusedAsTarget()
    {
        using var home = new TempDirectory();
        new Database($"Data Source={home.File("data/unionbot.db")}", NullLogger<Database>.Instance).Migrate();

        var (exit, _, stderr) = await Run(home.Path, "backup", home.File("data/unionbot.db"));

        Assert.Equal(2, exit);
        Assert.Contains("must not be the database itself", stderr);
    }

    private static async Task<(int Exit, string Out, string Err)> Run(string home, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = await CommandLine.RunAsync(args, stdout, stderr, home: home);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
