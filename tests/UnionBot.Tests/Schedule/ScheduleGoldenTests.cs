using System.Text;
using System.Text.Json;
using UnionBot.Cli;
using UnionBot.Core.Options;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Plan;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Schedule;

/// <summary>
/// The whole 2026 schedule of seed 000, texts included, exactly as <c>plan schedule --json</c> prints it. A change in
/// wording shows up here as a diff to read; regenerate with <c>UNIONBOT_UPDATE_GOLDEN=1 dotnet test</c>.
/// </summary>
public sealed class ScheduleGoldenTests
{
    public const string Name = "schedule-seed000-2026.json";

    public static string Expected() => File.ReadAllText(RepoPaths.Golden(Name));

    public static string Serialize(IReadOnlyList<Announcement> announcements) =>
        JsonSerializer.Serialize(announcements.Select(ScheduleJson.From), CommandLine.Json);

    [Fact]
    public void TheSeed000ScheduleFor2026MatchesTheGoldenFileByteForByte()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var actual = Serialize(ScheduleBuilder.Build(Seed000.Plan, 2026, new ScheduleOptions(), zone, TestPlans.Holidays)) + "\n";
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(actual);

        if (Environment.GetEnvironmentVariable("UNIONBOT_UPDATE_GOLDEN") == "1")
        {
            // Into the source tree, not bin: the file is reviewed and committed.
            File.WriteAllBytes(Path.Combine(RepoPaths.Root, "tests", "UnionBot.Tests", "Golden", Name), bytes);
            return;
        }
        // Bytes, not strings: a BOM or CRLF slipping into the file is a difference too. The string comparison first
        // gives a readable diff when the wording changed.
        Assert.Equal(Expected(), actual);
        Assert.Equal(File.ReadAllBytes(RepoPaths.Golden(Name)), bytes);
    }
}
