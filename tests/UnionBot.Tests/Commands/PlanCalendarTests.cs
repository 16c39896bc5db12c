using UnionBot.Core.Commands;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;

namespace UnionBot.Tests.Commands;

/// <summary>This and next month's activities are kept between messages; the day and the plan still decide them.</summary>
public sealed class PlanCalendarTests
{
    private static AnnualPlan PlanOf(params (int Month, string Title)[] activities) =>
        new("计划", 2026, [.. activities.Select(a => new PlanActivity([new PlanMonth(a.Month)], a.Title, null))], []);

    [Fact]
    public void ThisAndNextMonthFollowsTheDay()
    {
        var calendar = new PlanCalendar(new SwitchableSchedule(PlanOf((3, "乒乓球赛"), (4, "春游"), (5, "趣味运动会"))));

        Assert.Equal(["乒乓球赛", "春游"], calendar.ThisAndNextMonth(new DateOnly(2026, 3, 31)).Select(a => a.Title));
        Assert.Equal(["春游", "趣味运动会"], calendar.ThisAndNextMonth(new DateOnly(2026, 4, 1)).Select(a => a.Title));
    }

    [Fact]
    public void ThisAndNextMonthFollowsAReloadedPlanAtOnce()
    {
        var schedule = new SwitchableSchedule(PlanOf((3, "乒乓球赛")));
        var calendar = new PlanCalendar(schedule);
        var day = new DateOnly(2026, 3, 10);
        Assert.Equal(["乒乓球赛"], calendar.ThisAndNextMonth(day).Select(a => a.Title));

        schedule.Current = schedule.Current with { Sha256 = "1", Plan = PlanOf((3, "羽毛球赛"), (4, "春游")) };

        Assert.Equal(["羽毛球赛", "春游"], calendar.ThisAndNextMonth(day).Select(a => a.Title));
    }

    [Fact]
    public void APlanThatCouldNotBeReadHasNoActivities()
    {
        var schedule = new SwitchableSchedule(PlanOf((3, "乒乓球赛")));
        var calendar = new PlanCalendar(schedule);
        Assert.Single(calendar.ThisAndNextMonth(new DateOnly(2026, 3, 10)));

        schedule.Current = schedule.Current with { Sha256 = "" };

        Assert.Empty(calendar.ThisAndNextMonth(new DateOnly(2026, 3, 10)));
    }

    private sealed class SwitchableSchedule(AnnualPlan plan) : IYearScheduleSource
    {
        public YearSchedule Current { get; set; } = new("plan.txt", "0", plan, 2026, []);
        public YearSchedule Reload() => Current;
    }
}
