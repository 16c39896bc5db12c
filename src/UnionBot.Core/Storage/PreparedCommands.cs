using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace UnionBot.Core.Storage;

/// <summary>
/// Statements kept compiled with their connection and run again with new values, for the statements every teacher's
/// message runs on <see cref="WriteQueue"/>'s connection (the message-id claim, the sign-up).
/// </summary>
/// <remarks>
/// A command made per call (as Dapper does) is compiled by SQLite each time it runs: three compilations for every
/// /报名, on the single writer every other teacher's message waits for. A kept statement stays compiled until its
/// connection closes, and the writer keeps its connection open while batches follow one another.
/// They are SQLite's own statements (SQLitePCL) rather than kept ADO.NET commands, because a SqliteCommand looks every
/// parameter up by name at each run (each name marshalled to UTF-8 for SQLite) and makes a data reader even for an
/// INSERT; here each name is looked up once per statement.
/// A statement runs in the transaction its connection has open, the writer's: <see cref="Reuse"/> takes it to say so,
/// and refuses a transaction of another connection. A connection is used by one thread at a time, so the statements of
/// one connection need no lock. Errors are thrown as ADO.NET's <see cref="SqliteException"/>, so that the writer tells
/// a storage fault (<see cref="Database.IsStorageFault"/>) or a broken constraint the same way as from any command.
/// </remarks>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, KeptStatement>> Kept = new();

    /// <summary>The statement of <paramref name="connection"/> for <paramref name="sql"/>, to run in <paramref name="tx"/>.</summary>
    public static KeptStatement Reuse(this SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        if (!ReferenceEquals(tx.Connection, connection))
            throw new InvalidOperationException("a kept statement runs in its own connection's transaction");
        if (!Kept.TryGetValue(connection, out var statements))
        {
            statements = [];
            Kept.Add(connection, statements);
            // Finalised when the connection closes: a statement left open would keep the native connection it belongs
            // to from closing (SQLite closes a connection only after its last statement).
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState != System.Data.ConnectionState.Closed) return;
                foreach (var statement in statements.Values) statement.Free();
                statements.Clear();
            };
        }
        if (!statements.TryGetValue(sql, out var kept))
        {
            kept = new KeptStatement(connection.Handle!, sql);
            statements[sql] = kept;
        }
        kept.Start();
        return kept;
    }
}

/// <summary>
/// One compiled statement: values bound by name (<c>@Id</c>), then run to its end (<see cref="ExecuteNonQuery"/>) or
/// read row by row (<see cref="Read"/>); disposing it after a read makes it ready for the next run.
/// </summary>
internal sealed class KeptStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    internal KeptStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement, out var tail));
        // One statement per kept text: what followed the first would never run.
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("a kept statement is a single SQL statement", nameof(sql));
        }
    }

    /// <summary>Ready for a run: no row of the last one is kept, no value of it stays bound.</summary>
    internal void Start()
    {
        raw.sqlite3_reset(_statement); // its code repeats the last run's error, which that run already threw
        raw.sqlite3_clear_bindings(_statement);
    }

    public KeptStatement With(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, IndexOf(name), value));
        return this;
    }

    /// <summary>Binds <paramref name="value"/>; null is SQL NULL.</summary>
    public KeptStatement With(string name, string? value)
    {
        var index = IndexOf(name);
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>Runs the statement to its end; the rows it changed.</summary>
    public int ExecuteNonQuery()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW) { }
            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            // Also after an error: the writer's rollback then finds no statement of ours still running.
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The statement itself, to read with <see cref="Read"/> and dispose after.</summary>
    public KeptStatement ExecuteReader() => this;

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        Check(rc);
        return false;
    }

    public bool IsDBNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public bool GetBoolean(int column) => GetInt64(column) != 0;

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Ends a read: the statement lets go of its row (and of the read lock it held).</summary>
    void IDisposable.Dispose() => raw.sqlite3_reset(_statement);

    /// <summary>Finalises the statement (its connection is closing).</summary>
    internal void Free() => _statement.Dispose();

    internal bool IsFinalised => _statement.IsClosed;

    private int IndexOf(string name)
    {
        if (_indexes.TryGetValue(name, out var index)) return index;
        index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index == 0) throw new ArgumentException($"the statement has no parameter {name}", nameof(name));
        _indexes[name] = index;
        return index;
    }

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
