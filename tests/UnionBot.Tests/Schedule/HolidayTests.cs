using Microsoft.Extensions.Logging;
using UnionBot.Core.Calendar;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Support;
using static UnionBot.Tests.Schedule.TestPlans;

namespace UnionBot.Tests.Schedule;

/// <summary>SPEC section 2: days off are weekends and China's statutory holidays; a 调休 Saturday or Sunday is a working day.</summary>
public sealed class HolidayTests
{
    [Theory]
    [InlineData(2026, 5, "2026-05-06")]  // 劳动节 1–5 May 2026
    [InlineData(2026, 10, "2026-10-08")] // 国庆节 1–7 October 2026
    [InlineData(2025, 5, "2025-05-06")]  // 劳动节 1–5 May 2025
    [InlineData(2025, 10, "2025-10-09")] // 国庆节、中秋节 1–8 October 2025
    [InlineData(2026, 2, "2026-02-02")]  // 1 February 2026 is an ordinary Sunday
    public void ANoticeOnAStatutoryHolidayMovesToTheNextWorkingDay(int year, int month, string expected)
    {
        var notice = Build(Of(Item("活动", null, month)), year).Single($"monthly:{year}-{month:D2}");

        Assert.Equal(expected, Day(notice));
    }

    [Theory]
    [InlineData(2026, 1, 1, "2026-01-04")]   // 元旦 1–3 January; Sunday 4 January is a 调休 working day
    [InlineData(2026, 2, 14, "2026-02-14")]  // Saturday 14 February 2026 is worked for 春节
    [InlineData(2026, 10, 10, "2026-10-10")] // Saturday 10 October 2026 is worked for 国庆节
    [InlineData(2025, 2, 8, "2025-02-08")]   // Saturday 8 February 2025 is worked for 春节
    [InlineData(2025, 4, 27, "2025-04-27")]  // Sunday 27 April 2025 is worked for 劳动节
    public void ADayWorkedInExchangeForAHolidayIsAWorkingDay(int year, int month, int day, string expected)
    {
        var notice = Build(Of(Item("活动", null, month)), year, o => o.MonthlyNotice.Day = day).Single($"monthly:{year}-{month:D2}");

        Assert.Equal(expected, Day(notice));
    }

    [Fact]
    public void AYearWithoutATableFallsBackToWeekendsAndWarnsOnce()
    {
        var log = new LogCapture();
        var days = WorkingDays.Load(ShippedTables, log.For<WorkingDays>());
        var plan = Of(Item("五月活动", null, 5), Item("十月活动", null, 10));

        var first = Build(plan, 2030, days: days);
        Build(plan, 2030, days: days);

        Assert.Equal("2030-05-01", Day(first.Single("monthly:2030-05"))); // a Wednesday: only weekends are known
        Assert.Equal("2030-10-01", Day(first.Single("monthly:2030-10")));
        var warning = Assert.Single(log.At(LogLevel.Warning));
        Assert.Contains("2030", warning);
        Assert.Contains("2030.json", warning);
    }

    [Fact]
    public void TheShippedTablesCoverTheYearsOfTheStateCouncilsNotices()
    {
        var log = new LogCapture();
        var days = WorkingDays.Load(ShippedTables, log.For<WorkingDays>());

        Assert.Contains(2025, days.Years);
        Assert.Contains(2026, days.Years);
        Assert.Empty(log.Lines);
        Assert.True(days.IsDayOff(new DateOnly(2026, 2, 23)));  // 春节's last day, a Monday
        Assert.False(days.IsDayOff(new DateOnly(2026, 2, 28))); // a Saturday worked for 春节
        Assert.True(days.IsDayOff(new DateOnly(2025, 1, 1)));
        Assert.False(days.IsDayOff(new DateOnly(2025, 1, 2)));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "year": 2031, "holidays": [], "workdays": [] }""")]  // the file says another year than its name
    [InlineData("""{ "year": 2029, "holidays": [ { "name": "元旦", "from": "2029-01-03", "to": "2029-01-01" } ], "workdays": [] }""")]
    [InlineData("""{ "year": 2029, "holidays": [], "workdays": [ { "name": "春节", "date": "2029-02-07" } ] }""")] // a Wednesday
    public void ABadTableIsReportedByFileAndItsYearFallsBackToWeekends(string json)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("2029.json"), json);
        var log = new LogCapture();

        var days = WorkingDays.Load(dir.Path, log.For<WorkingDays>());

        Assert.DoesNotContain(2029, days.Years);
        Assert.Contains("2029.json", Assert.Single(log.At(LogLevel.Error)));
        Assert.True(days.IsDayOff(new DateOnly(2029, 1, 6))); // a Saturday
    }

    private static string Day(Announcement a) => a.At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
