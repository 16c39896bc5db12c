using UnionBot.Core.Commands;
using UnionBot.Core.Schedule;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.SignUps;

public sealed partial class SignUpHandler
{
    /// <summary>
    /// A name that is not open and not in this or next month's plan, but is in the plan in another month
    /// (/报名 三八妇女节 in December): which month, and whether sign-up opens then. Events open by themselves from the
    /// month before theirs (this and next month's plan can be signed up for); the union's own tasks never do.
    /// Null when the plan has no single activity of that name.
    /// </summary>
    private string? ElsewhereInPlan(string typed, CommandContext ctx)
    {
        if (plan.Current() is not { } schedule) return null;
        var activities = schedule.Plan.Activities;
        if (ActivityMatcher.Match(typed, activities.Select(a => a.Title)) is not ActivityMatch.One one) return null;

        var same = activities.Where(a => a.Title == one.Title).ToList();
        var months = same.SelectMany(a => a.Months).Select(m => ScheduleBuilder.Place(m, schedule.Year)).Distinct().Order().ToList();
        var name = $"「{Inline(one.Title)}」";
        var when = string.Join("、", months.Select(m => MonthName(m, ctx.Today)));
        if (!same.Any(a => a.SignUp))
            return $"{name}是计划里{when}的工会工作安排，不用报名哦。需要报名的话，请管理员发 /发起报名 {Inline(one.Title)}。";

        var thisMonth = new CalendarMonth(ctx.Today.Year, ctx.Today.Month);
        if (months.Where(m => m.CompareTo(thisMonth) > 0).Select(m => (CalendarMonth?)m).FirstOrDefault() is not { } coming)
            return $"{name}是计划里{when}的活动，已经过去了。发 /本月 看看现在可以报名的活动。";
        var opens = coming.FirstDay.AddMonths(-1);
        return $"{name}是计划里{when}的活动，现在还不能报名：{DayName(opens, ctx.Today)}起会自动开放报名（活动当月和前一个月可以报名），"
            + $"到时发 /报名 {Inline(ScheduleBuilder.SignUpName(one.Title, activities))} 就行。";
    }

    private static string MonthName(CalendarMonth month, DateOnly today) =>
        month.Year == today.Year ? $"{month.Month}月" : $"{month.Year}年{month.Month}月";

    private static string DayName(DateOnly day, DateOnly today) =>
        day.Year == today.Year ? Date(day) : $"{day.Year}年{Date(day)}";
}
