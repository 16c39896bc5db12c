using UnionBot.Core.Calendar;

namespace UnionBot.Tests.Calendar;

public sealed class ZonedTimeTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void AWallClockTimeGetsTheZonesOffsetOnThatDay() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(8)),
            ZonedTime.At(new DateOnly(2026, 3, 1), new TimeOnly(8, 30), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

    [Fact]
    public void ATimeSkippedBySummerTimeMovesPastTheGapInsteadOfVanishing() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)),
            ZonedTime.At(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork));

    [Fact]
    public void ATimeThatHappensTwiceIsTheFirstOne() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)),
            ZonedTime.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));

    [Fact]
    public void TheDateOfAnInstantIsTheDateOnTheZonesWallClock() =>
        Assert.Equal(new DateOnly(2027, 1, 1),
            ZonedTime.DateIn(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
}
