using Dapper;
using Microsoft.Data.Sqlite;

namespace UnionBot.Tests.Support;

/// <summary>
/// What a test reads or changes in a bot's database file directly, on a connection of its own outside the bot's pool:
/// it works while no bot runs, and leaves no handle open that would keep the file or its folder busy.
/// </summary>
public static class TestDatabase
{
    public static async Task<List<T>> QueryAsync<T>(string databasePath, string sql, object? args = null)
    {
        await using var connection = Open(databasePath);
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    public static async Task<T> ScalarAsync<T>(string databasePath, string sql, object? args = null)
    {
        await using var connection = Open(databasePath);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public static async Task ExecuteAsync(string databasePath, string sql, object? args = null)
    {
        await using var connection = Open(databasePath);
        await connection.ExecuteAsync(sql, args);
    }

    private static SqliteConnection Open(string databasePath) => new($"Data Source={databasePath};Pooling=False");
}
