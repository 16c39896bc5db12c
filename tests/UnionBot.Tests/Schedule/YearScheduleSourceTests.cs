using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Schedule;

public sealed class YearScheduleSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LogCapture _log = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly UnionBotOptions _options = new();
    private readonly Database _database;

    public YearScheduleSourceTests()
    {
        _database = new Database($"Data Source={_dir.File("unionbot.db")}", NullLogger<Database>.Instance);
        _database.Migrate();
        _options.Plan.Path = _dir.File("plan.txt");
        File.Copy(RepoPaths.Seed("000"), _options.Plan.Path);
    }

    public void Dispose() => _dir.Dispose();

    private YearScheduleSource Source() =>
        new(Microsoft.Extensions.Options.Options.Create(_options), _database, _time, TestPlans.Holidays, _log.For<YearScheduleSource>());

    private List<(string Path, string Sha256, string LoadedAt, long Year, long Activities, string Warnings)> Loads()
    {
        using var connection = _database.Open();
        return connection.Query<(string, string, string, long, long, string)>(
            "SELECT path, sha256, loaded_at, year, activities, warnings FROM plan_loads ORDER BY id").ToList();
    }

    [Fact]
    public void TheConfiguredPlanGivesTheSameScheduleAsTheGoldenFile()
    {
        _options.Plan.Year = 2026;

        var schedule = Source().Current;

        Assert.Equal(2026, schedule.Year);
        Assert.Equal(37, schedule.Plan.Activities.Count);
        Assert.Equal(ScheduleGoldenTests.Expected(), ScheduleGoldenTests.Serialize(schedule.Announcements) + "\n");
    }

    [Fact]
    public void YearZeroMeansTheCurrentYearInTheConfiguredZone()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // already 1 January 2027 in Shanghai

        Assert.Equal(2027, Source().Current.Year);
    }

    [Fact]
    public void AtNewYearTheScheduleMovesToTheNewYearByItself()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero)); // 23:00 on 31 December in Shanghai
        var source = Source();
        Assert.Equal(2026, source.Current.Year);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2027, source.Current.Year);
        Assert.Contains(source.Current.Announcements, a => a.Key == "monthly:2027-02");
        Assert.Equal([2026L, 2027L], Loads().Select(l => l.Year));
    }

    [Fact]
    public void AConfiguredYearDoesNotFollowTheCalendar()
    {
        _options.Plan.Year = 2026;
        var source = Source();
        _ = source.Current;

        _time.SetUtcNow(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(2026, source.Current.Year);
        Assert.Single(Loads());
    }

    [Fact]
    public void EveryReadIsRecordedWithTheFilesHash()
    {
        var source = Source();
        var first = source.Current;
        File.AppendAllText(_options.Plan.Path, "\n备注：本计划可根据实际情况调整。\n");
        var second = source.Reload();

        var loads = Loads();
        Assert.Equal(2, loads.Count);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_options.Plan.Path))), second.Sha256);
        Assert.Equal([first.Sha256, second.Sha256], loads.Select(l => l.Sha256));
        Assert.NotEqual(first.Sha256, second.Sha256);
        var load = loads[1];
        Assert.Equal((_options.Plan.Path, 2026L, 37L, "[]"), (load.Path, load.Year, load.Activities, load.Warnings));
        Assert.Equal("2026-03-01T00:00:00.000Z", load.LoadedAt);
    }

    [Fact]
    public void APlanWithoutAScheduleLogsItsWarningAndStillGreetsTheAlwaysGreetedFestivals()
    {
        File.Copy(RepoPaths.Seed("001"), _options.Plan.Path, overwrite: true);

        var schedule = Source().Current;

        Assert.Empty(schedule.Plan.Activities);
        Assert.Equal(["festival:womens-day:2026", "festival:teachers-day:2026"], schedule.Announcements.Select(a => a.Key));
        Assert.NotEmpty(schedule.Plan.Warnings);
        Assert.Contains(_log.At(LogLevel.Warning), line => line.Contains(schedule.Plan.Warnings[0], StringComparison.Ordinal));
        Assert.NotEqual("[]", Assert.Single(Loads()).Warnings);
    }

    [Fact]
    public void AMissingPlanGivesAnEmptyScheduleAndOneErrorLineInsteadOfAnException()
    {
        File.Delete(_options.Plan.Path);
        var source = Source();

        var schedule = source.Current;
        _ = source.Current;

        Assert.Empty(schedule.Announcements);
        Assert.Equal("", schedule.Sha256);
        Assert.Contains("no such file", source.LastError);
        Assert.Single(_log.At(LogLevel.Error));
        Assert.Empty(Loads());
        _time.SetUtcNow(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(2027, source.Current.Year); // tried once more for the new year, and logged once more
        _ = source.Current;
        Assert.Equal(2, _log.At(LogLevel.Error).Count());
    }

    [Fact]
    public void ReloadOfAnUnreadablePlanKeepsTheLastGoodSchedule()
    {
        var source = Source();
        var good = source.Current;
        File.WriteAllBytes(_options.Plan.Path, [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00, 0x9C]);

        Assert.Same(good, source.Reload());

        Assert.Same(good, source.Current);
        Assert.NotNull(source.LastError);
        File.Copy(RepoPaths.Seed("000"), _options.Plan.Path, overwrite: true);
        source.Reload();
        Assert.Null(source.LastError);
        Assert.Null(source.InUseInstead);
    }

    [Fact]
    public void APlanFileDeletedWhileRunningKeepsTheScheduleWithOneWarningNotOnePerRead()
    {
        var source = Source();
        var good = source.Current;

        File.Delete(_options.Plan.Path);
        var after = source.Reload();
        source.Reload();

        Assert.Same(good, after);
        Assert.Contains("no such file", source.LastError);
        Assert.Equal(good.Sha256, source.InUseInstead?.Sha256);
        var warning = Assert.Single(_log.At(LogLevel.Warning), line => line.Contains("cannot be read", StringComparison.Ordinal));
        Assert.Contains(_options.Plan.Path, warning);
        Assert.Contains("last good reading", warning);
        Assert.Empty(_log.At(LogLevel.Error));
    }

    [Fact]
    public void AStartWithThePlanFileGoneUsesTheLastGoodReadingKeptInTheDatabase()
    {
        _options.Plan.Year = 2026;
        var first = Source().Current;
        File.Delete(_options.Plan.Path);

        var restarted = Source(); // nothing in memory, as after a restart
        var schedule = restarted.Current;
        _ = restarted.Current;

        Assert.Equal(first.Sha256, schedule.Sha256);
        Assert.Equal(37, schedule.Plan.Activities.Count);
        Assert.Equal(ScheduleGoldenTests.Expected(), ScheduleGoldenTests.Serialize(schedule.Announcements) + "\n");
        Assert.Contains("no such file", restarted.LastError);
        Assert.Equal("2026-03-01T00:00:00.000Z", Core.Storage.StoredTime.Format(restarted.InUseInstead!.ReadAt));
        Assert.Single(_log.At(LogLevel.Warning), line => line.Contains("last good reading", StringComparison.Ordinal));
        Assert.Empty(_log.At(LogLevel.Error));
        Assert.Single(Loads()); // a kept reading is not a new read of the file
    }

    [Fact]
    public void ThePlanIsKeptWholeOnlyWhenItDiffersFromTheLastOneKept()
    {
        var source = Source();
        _ = source.Current;
        source.Reload();
        File.AppendAllText(_options.Plan.Path, "\n备注：本计划可根据实际情况调整。\n");
        source.Reload();

        using var connection = _database.Open();
        var kept = connection.Query<bool>("SELECT plan_json IS NOT NULL FROM plan_loads ORDER BY id").ToList();
        Assert.Equal([true, false, true], kept);
    }

    [Fact]
    public void AMissingPlanFileStopsTheBotOnlyWhenTheDatabaseHoldsNoReadingOfIt()
    {
        _options.Database = _database.ConnectionString;
        var validator = new UnionBotOptionsValidator();
        File.Delete(_options.Plan.Path);
        Assert.Contains(validator.Validate(null, _options).Failures!, f => f.StartsWith("UnionBot:Plan:Path: no such file", StringComparison.Ordinal));

        File.Copy(RepoPaths.Seed("000"), _options.Plan.Path);
        _ = Source().Current;
        File.Delete(_options.Plan.Path);

        Assert.True(validator.Validate(null, _options).Succeeded);
        _options.Plan.Path = _dir.File("another-plan.txt");
        Assert.False(validator.Validate(null, _options).Succeeded);
    }

    [Fact]
    public void APlanPathThatIsAFolderIsAnUnreadablePlanNotACrash()
    {
        _options.Plan.Path = _dir.Path;

        var e = Assert.Throws<PlanReadException>(Source().Reload);

        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void ManyThreadsAskingAtOnceShareOneRead()
    {
        var source = Source();
        var seen = new YearSchedule[16];

        Parallel.For(0, seen.Length, i => seen[i] = source.Current);

        Assert.All(seen, s => Assert.Same(seen[0], s));
        Assert.Single(Loads());
    }
}
