using Microsoft.Data.Sqlite;

namespace UnionBot.Core.Storage;

/// <summary>
/// <c>backup &lt;file&gt;</c> (SPEC section 3): a consistent copy of the database taken while the bot runs. SQLite's
/// online backup copies every page under one read transaction, so the copy is the database as of one commit; with WAL
/// the bot's writers are not blocked meanwhile.
/// </summary>
public static class DatabaseBackup
{
    public sealed record Copy(string Path, long Bytes, int SchemaVersion);

    private const string IntegrityCheck = "PRAGMA integrity_check;";
    private const string SchemaVersion = "PRAGMA user_version;";
    // The copy is a single self-contained file: restoring it is putting one file in place (the bot turns WAL back on).
    private const string SingleFile = "PRAGMA journal_mode = DELETE;";

    /// <summary>Copies the database named by <paramref name="connectionString"/> to <paramref name="target"/>.</summary>
    /// <param name="home">The folder a relative <c>Data Source</c> is relative to (the bot's folder).</param>
    /// <exception cref="BackupException">No database, the target cannot be written, or the copy fails its check.</exception>
    public static Copy Run(string connectionString, string home, string target)
    {
        var source = SourceFile(connectionString, home);
        var destination = Path.GetFullPath(target);
        if (string.Equals(destination, source, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            throw new BackupException($"the backup file must not be the database itself ({source})");
        if (Directory.Exists(destination)) throw new BackupException($"{destination} is a folder; give a file name, e.g. {Path.Combine(destination, "unionbot-backup.db")}");

        // Written beside the target under another name and moved in at the end, so a failed run never leaves a
        // half-written file under the name a restore would pick.
        var partial = destination + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Delete(partial);
            var version = CopyPages(source, partial);
            File.Move(partial, destination, overwrite: true);
            return new Copy(destination, new FileInfo(destination).Length, version);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            TryDelete(partial);
            throw new BackupException($"cannot write {destination}: {FirstLine(e.Message)}");
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    private static string SourceFile(string connectionString, string home)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new BackupException("UnionBot:Database is not a database file; there is nothing to back up");
        var file = Path.GetFullPath(builder.DataSource, home);
        if (!File.Exists(file))
            throw new BackupException($"no database at {file}; start the bot once, or check UnionBot:Database");
        return file;
    }

    private static int CopyPages(string source, string partial)
    {
        // ReadWrite, not ReadWriteCreate: a wrong path must fail, not back up a new empty database. No pooling, so the
        // files are closed when this returns (the copy is moved next).
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            from.Open();
        }
        catch (SqliteException e)
        {
            throw new BackupException($"cannot open the database {source}: {FirstLine(e.Message)}");
        }
        to.Open();
        from.BackupDatabase(to);

        using var command = to.CreateCommand();
        command.CommandText = SingleFile;
        command.ExecuteNonQuery();
        command.CommandText = IntegrityCheck;
        var integrity = Convert.ToString(command.ExecuteScalar());
        if (integrity != "ok") throw new BackupException($"the copy failed its integrity check: {integrity}");
        command.CommandText = SchemaVersion;
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the error already reported matters more */ }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>Why a backup could not be made, in one line for the person at the server.</summary>
public sealed class BackupException(string message) : Exception(message);
