using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;
using UnionBot.Core.Storage;
using UnionBot.Hosting;

namespace UnionBot.Cli;

/// <summary>
/// The command-line verbs of SPEC section 3. Usage errors, unreadable files and bad configuration exit 2
/// with exactly one line on stderr.
/// </summary>
public static class CommandLine
{
    private const string Usage = "usage: plan parse <file> [--json | --explain] | plan schedule <file> [--year Y] [--json] | backup <file> | " + ConsoleLinkVerb.Usage;

    internal static readonly JsonSerializerOptions Json = new()
    {
        // Chinese text stays readable in the output; JSON meaning is unchanged.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "plan" or "backup" or "console" or "help" or "--help" or "-h";

    /// <param name="home">The bot's folder, where <c>config/</c> is and a relative database path starts (the current folder unless the host says otherwise);
    /// the file arguments stay relative to the current folder, where the person typing is.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null, string? home = null)
    {
        try
        {
            home ??= Environment.CurrentDirectory;
            if (args[0] == "backup") return await BackupVerb.RunAsync(args.AsSpan(1).ToArray(), LoadConfiguration(home), home, stdout);
            return await RunCoreAsync(args, stdout, stderr, time ?? TimeProvider.System, home);
        }
        catch (Exception e) when (e is UsageException or PlanReadException or BackupException)
        {
            await stderr.WriteLineAsync($"unionbot: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunCoreAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, string home)
    {
        if (args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }
        if (args.Length < 2) throw new UsageException($"missing verb; {Usage}");
        if (args[0] == "console")
            return args[1] == "link"
                ? await ConsoleLinkVerb.RunAsync(args[2..], home, stdout, time)
                : throw new UsageException($"unknown verb 'console {args[1]}'; usage: {ConsoleLinkVerb.Usage}");
        var verb = args[1];
        var (file, json, year, explain) = ParseFlags(args.AsSpan(2).ToArray(), allowYear: verb == "schedule", allowExplain: verb == "parse");
        switch (verb)
        {
            case "parse" when explain:
                await stdout.WriteLineAsync(PlanExplainText.Format(PlanFile.Explain(file)));
                return 0;
            case "parse":
            {
                var plan = PlanFile.Read(file);
                await stdout.WriteLineAsync(json ? JsonSerializer.Serialize(PlanJson.From(plan), Json) : PlanJson.Table(plan));
                return 0;
            }
            case "schedule":
            {
                var plan = PlanFile.Read(file);
                var options = LoadOptions(LoadConfiguration(home), planPath: file);
                var y = year ?? ScheduledYear.Of(options, time.GetUtcNow());
                var days = WorkingDays.LoadShipped(new StderrWarnings(stderr));
                var announcements = ScheduleBuilder.Build(plan, y, options.Schedule, options.FindZone(), days);
                await stdout.WriteLineAsync(json
                    ? JsonSerializer.Serialize(announcements.Select(ScheduleJson.From), Json)
                    : ScheduleJson.Table(announcements));
                return 0;
            }
            default:
                throw new UsageException($"unknown verb 'plan {verb}'; {Usage}");
        }
    }

    private static (string File, bool Json, int? Year, bool Explain) ParseFlags(string[] rest, bool allowYear, bool allowExplain)
    {
        string? file = null;
        var json = false;
        var explain = false;
        int? year = null;
        for (var i = 0; i < rest.Length; i++)
        {
            var a = rest[i];
            if (a == "--json") json = true;
            else if (a == "--explain" && allowExplain) explain = true;
            else if (a == "--year" && allowYear)
            {
                if (i + 1 >= rest.Length || !int.TryParse(rest[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1901 || y > 2099)
                    throw new UsageException("--year needs a year from 1901 to 2099");
                year = y;
                i++;
            }
            else if (a.StartsWith('-') && a.Length > 1) throw new UsageException($"unknown option '{a}'; {Usage}");
            else if (file is null) file = a;
            else throw new UsageException($"unexpected argument '{a}'; {Usage}");
        }
        if (json && explain) throw new UsageException("--explain prints text for people; use either --json or --explain");
        return (file ?? throw new UsageException($"missing plan file; {Usage}"), json, year, explain);
    }

    /// <summary>The verbs read the same configuration files as the bot, so the preview matches what it will post.</summary>
    /// <remarks>
    /// The verb previews the plan named on its command line, so that file stands in for <c>Plan:Path</c>: the configured
    /// path is relative to the bot's folder and need not exist where the verb is run.
    /// </remarks>
    internal static UnionBotOptions LoadOptions(IConfiguration configuration, string? planPath)
    {
        var options = new UnionBotOptions();
        try
        {
            configuration.GetSection(UnionBotOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"configuration error: {e.Message.Split('\n')[0].Trim()}");
        }
        if (planPath is not null) options.Plan.Path = planPath;
        var result = new UnionBotOptionsValidator().Validate(null, options);
        if (result.Failed) throw new UsageException($"configuration error: {string.Join("; ", result.Failures!)}");
        return options;
    }

    internal static IConfiguration LoadConfiguration(string home, string[]? overrides = null) =>
        new ConfigurationBuilder().SetBasePath(home).AddUnionBotSources(overrides ?? [], watch: false).Build();
}

internal sealed class UsageException(string message) : Exception(message);
