using Microsoft.Data.Sqlite;

namespace UnionBot.Core.Storage;

/// <summary>
/// Statements run with plain ADO.NET, for what a bot runs at start and while it waits for its next announcement: the
/// migrations and pragmas, the outbox, the plan's record, the health probe. Dapper's first statement builds its type map,
/// which loads System.Private.Xml, LINQ to XML and DataTable, and compiles a reader for each row type with expression
/// trees and emitted IL; a bot that nobody writes to kept all that resident (README, "Start-up and memory"). The
/// commands, polls, sign-ups and the console still use Dapper, loaded by the first of them.
/// </summary>
/// <remarks>Values are bound by name (<c>@Now</c>); null is SQL NULL.</remarks>
public static class AdoStatements
{
    /// <summary>Runs <paramref name="sql"/>; returns the rows it changed.</summary>
    public static int ExecuteAdo(this SqliteConnection connection, string sql, SqliteTransaction? tx,
        params ReadOnlySpan<(string Name, object? Value)> values)
    {
        using var command = Command(connection, sql, tx, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row as SQLite returns it (an integer is a long), or null.</summary>
    public static object? ExecuteScalarAdo(this SqliteConnection connection, string sql, SqliteTransaction? tx,
        params ReadOnlySpan<(string Name, object? Value)> values)
    {
        using var command = Command(connection, sql, tx, values);
        return command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    /// <summary>Every row of <paramref name="sql"/>, each made by <paramref name="row"/>.</summary>
    public static List<T> QueryAdo<T>(this SqliteConnection connection, string sql, SqliteTransaction? tx, Func<SqliteDataReader, T> row,
        params ReadOnlySpan<(string Name, object? Value)> values)
    {
        using var command = Command(connection, sql, tx, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    /// <summary><see cref="QueryAdo{T}"/> without blocking a thread, on a connection of its own (reads only).</summary>
    public static async Task<List<T>> QueryAdoAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> row,
        CancellationToken ct, params (string Name, object? Value)[] values)
    {
        await using var command = Command(connection, sql, null, values);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        return rows;
    }

    /// <summary>Ids for <c>IN (SELECT value FROM json_each(@Ids))</c>: one parameter however many there are.</summary>
    public static string JsonArray(IEnumerable<long> ids) =>
        "[" + string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    /// <summary>The column's text, or null.</summary>
    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The column's integer, or null.</summary>
    public static int? NullableInt32(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx,
        ReadOnlySpan<(string Name, object? Value)> values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
