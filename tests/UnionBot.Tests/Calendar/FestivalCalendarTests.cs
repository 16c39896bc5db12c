using System.Globalization;
using UnionBot.Core.Calendar;

namespace UnionBot.Tests.Calendar;

public sealed class FestivalCalendarTests
{
    [Theory]
    [InlineData("double-ninth", 2023, "2023-10-23")] // 闰二月 earlier in the year
    [InlineData("double-ninth", 2025, "2025-10-29")] // 闰六月 earlier in the year
    [InlineData("double-ninth", 2026, "2026-10-18")] // no leap month
    [InlineData("double-ninth", 2028, "2028-10-26")] // 闰五月 earlier in the year
    [InlineData("spring-festival", 2026, "2026-02-17")]
    [InlineData("spring-festival", 2028, "2028-01-26")]
    [InlineData("dragon-boat", 2023, "2023-06-22")] // after 闰二月
    [InlineData("dragon-boat", 2025, "2025-05-31")] // before 闰六月
    [InlineData("mid-autumn", 2025, "2025-10-06")] // after 闰六月
    public void LunarFestivalsFallOnTheirKnownDates(string id, int year, string expected) =>
        Assert.Equal(Date(expected), FestivalCalendar.DateIn(id, year));

    [Theory]
    [InlineData("dragon-boat", 2028, "2028-05-28")] // 闰五月 comes after 五月初五: 五月 keeps its index
    [InlineData("dragon-boat", 2020, "2020-06-25")] // 闰四月 comes before: 五月 is the sixth month of the year
    [InlineData("mid-autumn", 2017, "2017-10-04")] // 闰六月 before 八月十五
    [InlineData("dragon-boat", 2017, "2017-05-30")] // 闰六月 after 五月初五
    [InlineData("mid-autumn", 2033, "2033-09-08")] // the leap month at the end of the year changes nothing before it
    public void ALeapMonthShiftsOnlyTheMonthsAfterIt(string id, int year, string expected) =>
        Assert.Equal(Date(expected), FestivalCalendar.DateIn(id, year));

    [Theory]
    [InlineData("new-year", "2026-01-01")]
    [InlineData("womens-day", "2026-03-08")]
    [InlineData("arbor-day", "2026-03-12")]
    [InlineData("labour-day", "2026-05-01")]
    [InlineData("youth-day", "2026-05-04")]
    [InlineData("childrens-day", "2026-06-01")]
    [InlineData("party-day", "2026-07-01")]
    [InlineData("teachers-day", "2026-09-10")]
    [InlineData("national-day", "2026-10-01")]
    public void FixedFestivalsKeepTheirDay(string id, string expected) =>
        Assert.Equal(Date(expected), FestivalCalendar.DateIn(id, 2026));

    [Fact]
    public void EveryFestivalHasADateInEveryYearTheLunarCalendarCovers()
    {
        for (var year = FestivalCalendar.MinYear; year <= FestivalCalendar.MaxYear; year++)
            foreach (var festival in Festival.All)
                Assert.Equal(year, FestivalCalendar.DateIn(festival, year).Year);
    }

    [Fact]
    public void AYearOutsideTheLunarCalendarIsRefusedPlainly() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FestivalCalendar.DateIn("mid-autumn", 2101));

    [Fact]
    public void AnUnknownFestivalIdIsRefused() =>
        Assert.Throws<ArgumentException>(() => FestivalCalendar.DateIn("halloween", 2026));

    [Theory]
    [InlineData(1, 1, "正月初一")]
    [InlineData(5, 5, "五月初五")]
    [InlineData(8, 15, "八月十五")]
    [InlineData(9, 9, "九月初九")]
    [InlineData(12, 30, "腊月三十")]
    [InlineData(11, 21, "冬月廿一")]
    public void LunarDatesAreNamedAsPeopleSayThem(int month, int day, string expected) =>
        Assert.Equal(expected, FestivalCalendar.LunarName(month, day));

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
