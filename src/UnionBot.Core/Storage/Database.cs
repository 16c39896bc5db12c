using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace UnionBot.Core.Storage;

/// <summary>
/// The SQLite database: opens connections and applies the numbered migration scripts embedded from
/// <c>Storage/Migrations/NNNN_name.sql</c>, tracked by <c>PRAGMA user_version</c>.
/// </summary>
public sealed class Database(string connectionString, ILogger<Database> logger)
{
    public string ConnectionString { get; } = Normalize(connectionString);

    /// <summary>The database file's full path; null for an in-memory database.</summary>
    internal string? FilePath { get; } = FileOf(connectionString);

    private WriteQueue? _writes;

    /// <summary>The only writer of the process; see <see cref="WriteQueue"/>.</summary>
    public WriteQueue Writes => LazyInitializer.EnsureInitialized(ref _writes, () => new WriteQueue(this));

    // busy_timeout makes concurrent writers wait instead of failing with SQLITE_BUSY. synchronous = NORMAL is the
    // setting SQLite recommends with WAL: a commit does not wait for an fsync. Nothing is lost when the process crashes
    // or restarts, only on power loss. With FULL, sign-ups (committed in batches by WriteQueue) kept their rate in
    // bench/CallbackLoad, but fsync stalls pushed the callback p99 past 50 ms in one run of three.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    // All three settings belong to the native connection, which the pool keeps open between Open calls, so they are
    // applied once per native handle rather than on every Open (one command's four opens paid for three statements each).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    /// <summary>Opens a connection with WAL, a busy timeout and foreign keys on.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        if (IsStaleReadOnly(connection))
        {
            connection = new SqliteConnection(ConnectionString);
            connection.Open();
        }
        if (NeedsPragmas(connection))
        {
            connection.ExecuteAdo(ConnectionPragmas, null);
            MarkConfigured(connection);
        }
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        if (IsStaleReadOnly(connection))
        {
            connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(ct);
        }
        if (NeedsPragmas(connection))
        {
            connection.ExecuteAdo(ConnectionPragmas, null); // SQLite runs it synchronously either way
            MarkConfigured(connection);
        }
        return connection;
    }

    private const string CheckpointSql = "PRAGMA wal_checkpoint(PASSIVE);";

    private readonly bool _meantToWrite = new SqliteConnectionStringBuilder(connectionString).Mode != SqliteOpenMode.ReadOnly;

    /// <summary>
    /// True, after emptying the pool and closing <paramref name="connection"/>, when it is a read-only handle of a
    /// database meant to be written.
    /// </summary>
    /// <remarks>
    /// SQLite opens a file it may not write (read-only file or folder, read-only mount) read-only without an error, and
    /// the pool keeps that handle: once the file was writable again, every write still failed until the pool retired
    /// its idle connections minutes later. A fresh handle is opened instead, so the first open after the fault heals
    /// writes again; while the fault lasts the fresh handle is read-only too and its write fails with SQLITE_READONLY.
    /// </remarks>
    private bool IsStaleReadOnly(SqliteConnection connection)
    {
        if (!_meantToWrite || connection.Handle is not { } handle || SQLitePCL.raw.sqlite3_db_readonly(handle, "main") != 1)
            return false;
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
        NoteFault();
        return true;
    }

    /// <summary>
    /// Copies the WAL into the database file as far as open readers allow, waiting for no lock (PASSIVE), on a
    /// connection of its own; see <see cref="WalCheckpoints"/>.
    /// </summary>
    internal void Checkpoint()
    {
        try
        {
            using var connection = Open();
            Checkpoint(connection);
        }
        catch (SqliteException e)
        {
            logger.LogWarning("WAL checkpoint failed: {Error}", e.Message);
        }
    }

    /// <summary>
    /// A PASSIVE checkpoint on <paramref name="connection"/>, which is in no transaction; null when it failed. A failure
    /// costs only a longer WAL until the next checkpoint: it is logged.
    /// </summary>
    internal WalState? Checkpoint(SqliteConnection connection)
    {
        try
        {
            return connection.QueryAdo(CheckpointSql, null, r => new WalState(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)))[0];
        }
        catch (SqliteException e)
        {
            logger.LogWarning("WAL checkpoint failed: {Error}", e.Message);
            return null;
        }
    }

    private int _faults;

    /// <summary>How many storage faults this process has met: a health probe trusts an earlier success only while it stays the same.</summary>
    public int FaultsSeen => Volatile.Read(ref _faults);

    /// <summary>Records that a write failed for a storage reason (see <see cref="IsStorageFault"/>).</summary>
    public void NoteFault() => Interlocked.Increment(ref _faults);

    /// <summary>A failure of the storage itself (read-only, full, I/O error, cannot open), not of the statement.</summary>
    public static bool IsStorageFault(Exception e) => e is SqliteException
    {
        SqliteErrorCode: SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_IOERR
            or SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_PERM
    };

    private static bool NeedsPragmas(SqliteConnection connection) =>
        connection.Handle is not { } handle || !Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(SqliteConnection connection)
    {
        if (connection.Handle is { } handle) Configured.AddOrUpdate(handle, Marker);
    }

    private static readonly object Marker = new();

    /// <summary>Creates the file's folder and brings the schema to the newest version; returns that version.</summary>
    public int Migrate()
    {
        if (FilePath is not null && Path.GetDirectoryName(FilePath) is { Length: > 0 } dir) Directory.CreateDirectory(dir);

        using var connection = Open();
        connection.ExecuteAdo("PRAGMA journal_mode = WAL;", null);
        var current = Convert.ToInt32(connection.ExecuteScalarAdo("PRAGMA user_version;", null), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, name, sql) in Scripts())
        {
            if (version <= current) continue;
            using var tx = connection.BeginTransaction();
            connection.ExecuteAdo(sql, tx);
            // PRAGMA takes no parameters; version is an int parsed from a resource name we ship.
            connection.ExecuteAdo($"PRAGMA user_version = {version};", tx);
            tx.Commit();
            logger.LogInformation("Database migrated to version {Version} ({Name})", version, name);
            current = version;
        }
        return current;
    }

    internal static IReadOnlyList<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(Database).Assembly;
        const string prefix = "UnionBot.Core.Storage.Migrations.";
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            var name = resource[prefix.Length..^4];
            var number = name.Split('_', 2)[0];
            if (!int.TryParse(number, out var version))
                throw new InvalidOperationException($"Migration '{resource}' does not start with a number");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < scripts.Count; i++)
            if (scripts[i].Item1 == scripts[i - 1].Item1)
                throw new InvalidOperationException($"Two migrations are numbered {scripts[i].Item1}");
        return scripts;
    }

    private static string? FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var file = builder.DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory ? null : Path.GetFullPath(file);
    }

    private static string Normalize(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.ToString();
    }
}
