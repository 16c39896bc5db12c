using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

/// <summary>
/// <see cref="WriteQueue"/> says it never overlaps another writer of the process. That holds only while every write
/// in src runs inside one of its items: these read the source for the ways around it (<see cref="SqliteWrites"/>),
/// and show on written examples that each way is seen.
/// </summary>
public sealed class OnlyWriterTests
{
    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)));

    [Fact]
    public void NothingInSrcWritesToSqliteOutsideTheWritersTransaction()
    {
        var writes = new SqliteWrites(Sources());

        var outside = writes.Outside();
        Assert.True(outside.Count == 0, string.Join("\n", outside));
        // The patterns still match the code: src runs about a hundred statements, half of them writes.
        Assert.True(writes.Statements > 60, $"only {writes.Statements} statements found");
        Assert.True(writes.Writes > 30, $"only {writes.Writes} writing statements found");
    }

    [Fact]
    public void TheMechanismFilesAllExist()
    {
        var names = Sources().Select(s => Path.GetFileName(s.File)).ToHashSet();
        Assert.All(SqliteWrites.Mechanism, file => Assert.Contains(file, names));
    }

    private const string Header = """
        namespace UnionBot.Core.Example;
        public sealed class ExampleStore(Database database)
        {
            private const string InsertSql = "INSERT INTO example (name) VALUES (@Name) RETURNING id;";
            private const string ListSql = "SELECT name FROM example;";

        """;

    public static TheoryData<string, string> WaysAround => new()
    {
        { "a Dapper write on a connection of its own", "using var c = database.Open(); c.Execute(InsertSql, new { Name = n });" },
        { "an ADO.NET write on a connection of its own", "using var c = database.Open(); c.ExecuteAdo(InsertSql, null, (\"@Name\", n));" },
        { "an ADO.NET write as a query, awaited", "await using var c = await database.OpenAsync(); await c.QueryAdoAsync(InsertSql, r => r.GetInt64(0), ct);" },
        { "INSERT … RETURNING read with ExecuteScalar", "using var c = database.Open(); return c.ExecuteScalar<long>(InsertSql, new { Name = n });" },
        { "a write run as a query", "using var c = database.Open(); return c.Query<long>(\"DELETE FROM example RETURNING id\").ToList();" },
        { "a write as a literal", "database.Open().Execute(\"UPDATE example SET name = 'x'\");" },
        { "SQL passed in as a string", "void Run(string sql) { using var c = database.Open(); c.Execute(sql); }" },
        { "an awaited write, even given tx", "await c.ExecuteAsync(new CommandDefinition(InsertSql, args, transaction: tx));" },
        { "a kept command outside the writer", "using var c = database.Open(); c.Reuse(null!, InsertSql).ExecuteNonQuery();" },
        { "an ADO command", "using var c = database.Open(); using var cmd = c.CreateCommand(); cmd.CommandText = ListSql; cmd.ExecuteNonQuery();" },
        { "a raw connection", "using var c = new SqliteConnection(database.ConnectionString); c.Open();" },
        { "a transaction of its own", "using var c = database.Open(); using var t = c.BeginTransaction(); t.Commit();" },
    };

    [Theory]
    [MemberData(nameof(WaysAround))]
    public void EachWayAroundTheWriterIsSeen(string way, string code)
    {
        var writes = new SqliteWrites([("src/UnionBot.Core/Example/ExampleStore.cs", Header + code + "\n}\n")]);

        Assert.True(writes.Outside().Count > 0, $"not seen: {way}");
    }

    [Fact]
    public void ReadsAndTheWritersOwnItemsAreNotReported()
    {
        var code = """
                public List<string> List() { using var c = database.Open(); return c.Query<string>(ListSql).ToList(); }
                public Task<long> AddAsync(string n) => database.Writes.RunAsync((c, tx) => c.ExecuteScalar<long>(InsertSql, new { Name = n }, tx));
                public Task<int> TouchAsync() => database.Writes.RunAsync((c, tx) => c.Reuse(tx, InsertSql).With("@Name", "x").ExecuteNonQuery());
                public Task<int> RenameAsync() => database.Writes.RunAsync((c, tx) => c.Execute("UPDATE example SET name = 'y'", transaction: tx));
                public List<string> Names() { using var c = database.Open(); return c.QueryAdo(ListSql, null, r => r.GetString(0)); }
                public Task<int> ClearAsync() => database.Writes.RunAsync((c, tx) => c.ExecuteAdo("DELETE FROM example", tx));
            """;
        var writes = new SqliteWrites([("src/UnionBot.Core/Example/ExampleStore.cs", Header + code + "\n}\n")]);

        Assert.Empty(writes.Outside());
        Assert.Equal(6, writes.Statements);
        Assert.Equal(4, writes.Writes);
    }
}
