using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Access;
using UnionBot.Core.Options;
using UnionBot.Core.Storage;

namespace UnionBot.Cli;

/// <summary>
/// <c>console link --user &lt;userid&gt; [--minutes N]</c>: a login link for the person at the server, written to the
/// same database the running bot reads. Settings can be overridden as for the bot (<c>--UnionBot:Database=…</c>).
/// </summary>
internal static class ConsoleLinkVerb
{
    public const string Usage = "console link --user <userid> [--minutes N]";

    public static async Task<int> RunAsync(string[] rest, string home, TextWriter stdout, TimeProvider time)
    {
        string? user = null;
        var minutes = (int)ConsoleLinks.DefaultLifetime.TotalMinutes;
        var overrides = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--user" when i + 1 < rest.Length:
                    user = rest[++i];
                    break;
                case "--minutes" when i + 1 < rest.Length:
                    if (!int.TryParse(rest[++i], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < 1 or > 60)
                        throw new UsageException("--minutes needs a number of minutes from 1 to 60");
                    break;
                case var a when a.StartsWith("--UnionBot:", StringComparison.OrdinalIgnoreCase):
                    overrides.Add(a);
                    break;
                default:
                    throw new UsageException($"unexpected argument '{rest[i]}'; usage: {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(user)) throw new UsageException($"missing --user; usage: {Usage}");

        var options = CommandLine.LoadOptions(CommandLine.LoadConfiguration(home, overrides.ToArray()), planPath: null);
        if (!options.Admins.Contains(user, StringComparer.Ordinal))
            throw new UsageException($"'{user}' is not in UnionBot:Admins; only admins get a console link");
        var database = new Database(InHome(options.Database, home), NullLogger<Database>.Instance);
        database.Migrate();
        var link = await new ConsoleLinks(database, Microsoft.Extensions.Options.Options.Create(options), time)
            .IssueAsync(user, TimeSpan.FromMinutes(minutes));
        await stdout.WriteLineAsync(link.Url);
        return 0;
    }

    /// <summary>A relative database path starts in the bot's folder, as it does for the running bot.</summary>
    private static string InHome(string connectionString, string home)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource.Length > 0 && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.Combine(home, builder.DataSource);
        return builder.ToString();
    }
}
