using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Storage;

namespace UnionBot.Tests.Support;

/// <summary>
/// A migrated database in a folder of its own with one table of the test's own, for tests of the storage mechanism
/// itself (the writer, its kept statements, its checkpoints) rather than of a feature's tables.
/// </summary>
public sealed class ScratchDatabase : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <param name="tableSql">Creates the test's own table.</param>
    /// <param name="pooled">Pooled as in the bot (a closed connection's native handle stays open), or not.</param>
    public ScratchDatabase(string tableSql, bool pooled = true)
    {
        File = _dir.File("scratch.db");
        Database = new Database($"Data Source={File}" + (pooled ? "" : ";Pooling=False"), NullLogger<Database>.Instance);
        Database.Migrate();
        using var c = Database.Open();
        c.Execute(tableSql);
    }

    public string File { get; }

    public Database Database { get; }

    public void Dispose()
    {
        using (var c = new SqliteConnection(Database.ConnectionString)) SqliteConnection.ClearPool(c);
        _dir.Dispose();
    }
}
