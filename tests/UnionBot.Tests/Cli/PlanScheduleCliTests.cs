using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using UnionBot.Cli;
using UnionBot.Tests.Schedule;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Cli;

public sealed class PlanScheduleCliTests
{
    private static readonly string Seed000 = RepoPaths.Seed("000");

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args) => await Run(null, args);

    private static async Task<(int Exit, string Out, string Err)> Run(TimeProvider? time, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = await CommandLine.RunAsync(args, stdout, stderr, time);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ScheduleJsonForSeed000In2026IsTheGoldenFile()
    {
        var (exit, stdout, stderr) = await Run("plan", "schedule", Seed000, "--year", "2026", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(ScheduleGoldenTests.Expected(), stdout);
    }

    [Fact]
    public async Task AYearWithoutAHolidayTableIsScheduledOnWeekendsOnlyWithOneWarningOnStderr()
    {
        var (exit, stdout, stderr) = await Run("plan", "schedule", Seed000, "--year", "2030", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout); // stdout stays the JSON
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("unionbot: warning: No holiday table for 2030", line);
    }

    [Fact]
    public async Task ScheduleJsonIsSortedByTimeWithTheFourFieldsOfTheSpec()
    {
        var (_, stdout, _) = await Run("plan", "schedule", RepoPaths.Seed("002"), "--year", "2026", "--json");

        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(["at", "kind", "title", "text"], i.EnumerateObject().Select(p => p.Name)));
        var times = items.Select(i => DateTimeOffset.Parse(i.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(items, i => Assert.Contains(i.GetProperty("kind").GetString(), new[] { "monthly", "festival", "reminder" }));
    }

    [Fact]
    public async Task WithoutJsonTheScheduleIsAReadableTableEndingWithTheCount()
    {
        var (exit, stdout, _) = await Run("plan", "schedule", Seed000, "--year", "2026");

        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(0, exit);
        Assert.Equal("2026-02-02 08:30  monthly   二月份工会活动安排", lines[0]);
        Assert.Equal("21 announcements", lines[^1]);
        Assert.Equal(22, lines.Length);
    }

    [Fact]
    public async Task WithoutYearTheScheduleIsForTheCurrentYearInTheZone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 12, 31, 17, 0, 0, TimeSpan.Zero)); // 1 January 2028 in Shanghai

        var (exit, stdout, _) = await Run(time, "plan", "schedule", Seed000, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.StartsWith("2028-02-01T08:30:00+08:00", json.RootElement[0].GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("--year")]
    [InlineData("--year", "abc")]
    [InlineData("--year", "1800")]
    [InlineData("--year", "2100")]
    [InlineData("--year", "-5")]
    [InlineData("--yaer", "2026")]
    public async Task ABadYearOrFlagExitsTwoWithOneLineOnStderr(params string[] flags)
    {
        var (exit, stdout, stderr) = await Run(["plan", "schedule", Seed000, .. flags]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("unionbot: ", stderr);
    }

    [Fact]
    public async Task AMissingPlanFileExitsTwoWithOneLineNamingIt()
    {
        var (exit, stdout, stderr) = await Run("plan", "schedule", "no/such/plan.txt", "--year", "2026");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("unionbot: no such file: 'no/such/plan.txt'\n", stderr);
    }

    [Fact]
    public async Task ABinaryFileExitsTwoWithOneLine()
    {
        using var dir = new TempDirectory();
        var binary = dir.File("plan.bin");
        await File.WriteAllBytesAsync(binary, [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x00]);

        var (exit, _, stderr) = await Run("plan", "schedule", binary, "--year", "2026");

        Assert.Equal(2, exit);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }
}
