using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

/// <summary>The writer's kept statements (PreparedCommands): compiled once per connection, run again with new values.</summary>
public sealed class KeptStatementTests : IDisposable
{
    private const string InsertSql = "INSERT INTO items (name, size) VALUES (@Name, @Size) ON CONFLICT (name) DO NOTHING";
    private const string StrictInsertSql = "INSERT INTO items (name, size) VALUES (@Name, @Size)";
    private const string SelectSql = "SELECT id, name, size FROM items WHERE name = @Name;";

    // Pooled, as the bot's connections are: a closed connection's native handle stays open in the pool.
    private readonly ScratchDatabase _scratch = new("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size INTEGER NULL);");
    private readonly Database _database;

    public KeptStatementTests() => _database = _scratch.Database;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void AStatementRunsAgainWithNewValuesAndReadsWhatItWrote()
    {
        using var c = _database.Open();
        using var tx = c.BeginTransaction();

        Assert.Equal(1, c.Reuse(tx, InsertSql).With("@Name", "乒乓球").With("@Size", 12).ExecuteNonQuery());
        Assert.Equal(1, c.Reuse(tx, InsertSql).With("@Name", "羽毛球").With("@Size", (string?)null).ExecuteNonQuery());
        Assert.Equal(0, c.Reuse(tx, InsertSql).With("@Name", "乒乓球").With("@Size", 99).ExecuteNonQuery()); // DO NOTHING
        Assert.Same(c.Reuse(tx, InsertSql), c.Reuse(tx, InsertSql));

        using (var row = c.Reuse(tx, SelectSql).With("@Name", "乒乓球").ExecuteReader())
        {
            Assert.True(row.Read());
            Assert.Equal("乒乓球", row.GetString(1));
            Assert.Equal(12, row.GetInt64(2));
            Assert.False(row.Read());
        }
        using (var row = c.Reuse(tx, SelectSql).With("@Name", "羽毛球").ExecuteReader())
        {
            Assert.True(row.Read());
            Assert.True(row.IsDBNull(2));
        }
        tx.Commit();

        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM items"));
    }

    [Fact]
    public void AValueLeftUnboundIsNullNotTheLastRunsValue()
    {
        using var c = _database.Open();
        using var tx = c.BeginTransaction();
        c.Reuse(tx, InsertSql).With("@Name", "a").With("@Size", 5).ExecuteNonQuery();
        c.Reuse(tx, InsertSql).With("@Name", "b").ExecuteNonQuery();
        tx.Commit();

        Assert.Null(c.ExecuteScalar<long?>("SELECT size FROM items WHERE name = 'b'"));
    }

    [Fact]
    public async Task ABrokenConstraintFailsItsItemAsSqliteDoesAndTheStatementServesTheNextItem()
    {
        await _database.Writes.RunAsync((c, tx) => c.Reuse(tx, StrictInsertSql).With("@Name", "x").With("@Size", 1).ExecuteNonQuery());

        var error = await Assert.ThrowsAsync<SqliteException>(() =>
            _database.Writes.RunAsync((c, tx) => c.Reuse(tx, StrictInsertSql).With("@Name", "x").With("@Size", 2).ExecuteNonQuery()));
        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT, error.SqliteErrorCode);
        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE, error.SqliteExtendedErrorCode);
        Assert.False(Database.IsStorageFault(error));

        Assert.Equal(1, await _database.Writes.RunAsync((c, tx) => c.Reuse(tx, StrictInsertSql).With("@Name", "y").With("@Size", 3).ExecuteNonQuery()));
        using var read = _database.Open();
        Assert.Equal(["x", "y"], read.Query<string>("SELECT name FROM items ORDER BY id"));
    }

    [Fact]
    public void AnotherConnectionsTransactionTwoStatementsOrAnUnknownNameAreRefused()
    {
        using var c = _database.Open();
        using var other = _database.Open();
        using var tx = other.BeginTransaction();

        Assert.Throws<InvalidOperationException>(() => c.Reuse(tx, InsertSql));
        Assert.Throws<ArgumentException>(() => other.Reuse(tx, "DELETE FROM items; DELETE FROM items;"));
        Assert.Throws<ArgumentException>(() => other.Reuse(tx, InsertSql).With("@Nmae", "typo"));
    }

    [Fact]
    public void ClosingTheConnectionFinalisesItsStatements()
    {
        KeptStatement insert, select;
        using (var c = _database.Open())
        {
            using var tx = c.BeginTransaction();
            insert = c.Reuse(tx, InsertSql);
            insert.With("@Name", "a").ExecuteNonQuery();
            select = c.Reuse(tx, SelectSql);
            tx.Commit();
            Assert.False(insert.IsFinalised);
        }

        // The native connection went back to the pool open; nothing of ours may stay compiled on it (a statement left
        // there would keep SQLite from ever closing the file).
        Assert.True(insert.IsFinalised);
        Assert.True(select.IsFinalised);
        using var again = _database.Open();
        using var tx2 = again.BeginTransaction();
        Assert.Equal(1, again.Reuse(tx2, InsertSql).With("@Name", "b").ExecuteNonQuery());
        tx2.Commit();
    }
}
