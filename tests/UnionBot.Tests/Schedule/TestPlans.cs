using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;

namespace UnionBot.Tests.Schedule;

/// <summary>Small hand-made plans and a one-line way to schedule them.</summary>
internal static class TestPlans
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The holiday tables as shipped with the bot (copied beside the test assembly like beside the bot).</summary>
    public static readonly string ShippedTables = Path.Combine(AppContext.BaseDirectory, WorkingDays.Folder);

    public static readonly WorkingDays Holidays = WorkingDays.LoadShipped(NullLogger.Instance);

    public static AnnualPlan Of(params PlanActivity[] activities) => new("测试计划", 2026, activities, []);

    /// <summary>An activity under a heading covering <paramref name="months"/>; a month written as 13 is January of the next year.</summary>
    public static PlanActivity Item(string title, string? festival, params int[] months) =>
        new(months.Select(m => m > 12 ? new PlanMonth(m - 12, 1) : new PlanMonth(m)).ToArray(), title, festival);

    public static IReadOnlyList<Announcement> Build(AnnualPlan plan, int year = 2026, Action<ScheduleOptions>? configure = null, TimeZoneInfo? zone = null,
        WorkingDays? days = null)
    {
        var options = new ScheduleOptions();
        configure?.Invoke(options);
        return ScheduleBuilder.Build(plan, year, options, zone ?? Shanghai, days ?? Holidays);
    }

    public static Announcement Single(this IReadOnlyList<Announcement> announcements, string key) =>
        Assert.Single(announcements, a => a.Key == key);

    public static DateTimeOffset Shanghai8(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
