using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace UnionBot.Core.Storage;

/// <summary>
/// Commands kept with their connection and run again with new values, for the statements every teacher's message
/// runs on <see cref="WriteQueue"/>'s connection (the message-id claim, the sign-up).
/// </summary>
/// <remarks>
/// A new command is compiled by SQLite each time it runs (Dapper makes a new one per call): for a /报名 that was three
/// compilations of its three statements, a third of the writer's work. A kept command keeps its compiled statement
/// until its connection closes; the writer keeps its connection open while batches follow one another.
/// A connection is used by one thread at a time, so the commands of one connection need no lock.
/// </remarks>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Kept = new();

    /// <summary>The command of <paramref name="connection"/> for <paramref name="sql"/>, in <paramref name="tx"/>.</summary>
    public static SqliteCommand Reuse(this SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var commands = Kept.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        command.Transaction = tx;
        return command;
    }

    /// <summary>Sets (or adds, the first time) the value of the parameter <paramref name="name"/>; null is SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var i = parameters.IndexOf(name);
        if (i < 0) parameters.AddWithValue(name, value ?? DBNull.Value);
        else parameters[i].Value = value ?? DBNull.Value;
        return command;
    }
}
