using UnionBot.Core.Options;
using UnionBot.Core.Storage;

namespace UnionBot.Cli;

/// <summary><c>backup &lt;file&gt;</c>: one line on success (where, how big), one line on stderr and exit 2 otherwise.</summary>
internal static class BackupVerb
{
    private const string Usage = "usage: backup <file>, e.g. backup backups/unionbot-2026-12-02.db";

    public static async Task<int> RunAsync(string[] rest, IConfiguration configuration, string home, TextWriter stdout)
    {
        if (rest.Length == 0) throw new UsageException($"missing backup file; {Usage}");
        if (rest[0].StartsWith('-') && rest[0].Length > 1) throw new UsageException($"unknown option '{rest[0]}'; {Usage}");
        if (rest.Length > 1) throw new UsageException($"unexpected argument '{rest[1]}'; {Usage}");

        var database = configuration[$"{UnionBotOptions.Section}:{nameof(UnionBotOptions.Database)}"] is { Length: > 0 } configured
            ? configured
            : new UnionBotOptions().Database;
        var copy = DatabaseBackup.Run(database, home, rest[0]);
        await stdout.WriteLineAsync($"backup written: {copy.Path} ({copy.Bytes / 1024.0:0.#} KiB, schema version {copy.SchemaVersion}, integrity ok)");
        return 0;
    }
}
