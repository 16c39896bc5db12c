using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;

namespace UnionBot.Core.Commands;

/// <summary>The plan's activities by calendar month, for /本月, /计划 and sign-up matching.</summary>
public sealed class PlanCalendar(IYearScheduleSource schedule)
{
    /// <summary>
    /// The plan as loaded, or null while it has not been read for this year (the source logs why and gives an empty
    /// schedule without a hash): commands then say the plan cannot be read instead of showing an empty plan.
    /// </summary>
    public YearSchedule? Current() => schedule.Current is { Sha256.Length: > 0 } loaded ? loaded : null;

    /// <summary>Activities whose heading covers <paramref name="year"/>-<paramref name="month"/>.</summary>
    public IReadOnlyList<PlanActivity> InMonth(int year, int month) => Current() is { } s ? InMonth(s, year, month) : [];

    private static List<PlanActivity> InMonth(YearSchedule s, int year, int month) =>
        s.Plan.Activities.Where(a => a.Months.Any(m => m.Month == month && s.Year + m.YearOffset == year)).ToList();

    /// <summary>
    /// What to type after /报名 in the help and hints: an event of this month, else of next month, by the short name
    /// sign-up matches (妇女节专题庆祝活动); null when neither month has one, so that no example names an activity the
    /// plan does not have.
    /// </summary>
    public string? SignUpExample(DateOnly today)
    {
        if (Current() is not { } s) return null;
        var next = today.AddMonths(1);
        foreach (var activities in new[] { InMonth(today.Year, today.Month), InMonth(next.Year, next.Month) })
        {
            var names = activities.Where(a => a.SignUp).Select(a => ScheduleBuilder.SignUpName(a.Title, s.Plan.Activities)).ToList();
            // A long plan title makes a poor example on a phone; the first short one, else the shortest.
            if (names.Count > 0) return names.FirstOrDefault(n => n.Length <= 12) ?? names.MinBy(n => n.Length);
        }
        return null;
    }

    /// <summary>This month's and next month's activities, without repeats (a 七、八月份 item appears once).</summary>
    /// <remarks>
    /// Every /报名 asks, and the answer changes only with the day or the plan: the last one is kept (the same list
    /// object while neither changes, which lets <see cref="SignUps.SignUpHandler"/> keep what it derives from it too).
    /// </remarks>
    public IReadOnlyList<PlanActivity> ThisAndNextMonth(DateOnly today)
    {
        if (Current() is not { } s) return [];
        if (_thisAndNext is { } kept && ReferenceEquals(kept.Schedule, s) && kept.Today == today) return kept.Activities;
        var next = today.AddMonths(1);
        var activities = InMonth(s, today.Year, today.Month).Concat(InMonth(s, next.Year, next.Month)).Distinct().ToList();
        _thisAndNext = new Months(s, today, activities);
        return activities;
    }

    private sealed record Months(YearSchedule Schedule, DateOnly Today, IReadOnlyList<PlanActivity> Activities);

    private volatile Months? _thisAndNext;
}
