using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;

namespace UnionBot.Core.Schedule;

/// <summary>A calendar month of a real year (a <see cref="PlanMonth"/> placed in the year being scheduled).</summary>
public readonly record struct CalendarMonth(int Year, int Month) : IComparable<CalendarMonth>
{
    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));
    public int CompareTo(CalendarMonth other) => (Year, Month).CompareTo((other.Year, other.Month));
}

/// <summary>
/// Every announcement a plan produces for one year (SPEC section 5): monthly notices, festival greetings and reminders.
/// Pure: the same plan, year, options, zone and holiday tables always give the same list, keys included.
/// </summary>
public static class ScheduleBuilder
{
    public static IReadOnlyList<Announcement> Build(AnnualPlan plan, int year, ScheduleOptions options, TimeZoneInfo zone, WorkingDays days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FestivalCalendar.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, FestivalCalendar.MaxYear - 1);
        var activities = plan.Activities
            .Where(a => a.Title.Trim().Length > 0 && a.Months.Count > 0 && a.Months.All(m => m.Month is >= 1 and <= 12 && m.YearOffset is 0 or 1))
            .ToList();
        return MonthlyNotices(activities, year, options.MonthlyNotice, zone, days)
            .Concat(FestivalNotices(activities, year, options.FestivalNotice, zone))
            .OrderBy(a => a.At)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
    }

    public static CalendarMonth Place(PlanMonth month, int year) => new(year + month.YearOffset, month.Month);

    /// <summary>One notice per heading, in the first month it covers (七、八月份 → 1 July), listing that heading's items.</summary>
    private static IEnumerable<Announcement> MonthlyNotices(List<PlanActivity> activities, int year, MonthlyNoticeOptions options, TimeZoneInfo zone, WorkingDays days)
    {
        foreach (var group in activities.GroupBy(a => Place(a.Months[0], year)))
        {
            var noticeMonth = group.Key;
            var covered = group.SelectMany(a => a.Months).Select(m => Place(m, year)).Distinct().Order().ToList();
            var day = new DateOnly(noticeMonth.Year, noticeMonth.Month, Math.Min(options.Day, DateTime.DaysInMonth(noticeMonth.Year, noticeMonth.Month)));
            if (options.SkipWeekend) day = days.OnOrAfter(day);
            var titles = DistinctTitles(group);
            yield return new Announcement(
                $"monthly:{noticeMonth.Year:D4}-{noticeMonth.Month:D2}",
                ZonedTime.At(day, options.TimeOfDay, zone),
                AnnouncementKind.Monthly,
                AnnouncementTexts.MonthlyTitle(covered, noticeMonth),
                AnnouncementTexts.Monthly(covered, noticeMonth, titles));
        }
    }

    /// <summary>
    /// A greeting for 三八节 and 教师节 every year, and for every festival an activity is about; a reminder before each
    /// festival the plan has an activity for. Activities of one festival share one greeting and one reminder.
    /// </summary>
    private static IEnumerable<Announcement> FestivalNotices(List<PlanActivity> activities, int year, FestivalNoticeOptions options, TimeZoneInfo zone)
    {
        var occurrences = activities
            .Select(a => (Activity: a, Festival: a.Festival is null ? null : Festival.ById(a.Festival)))
            .Where(x => x.Festival is not null)
            .GroupBy(x => (Festival: x.Festival!, Date: NearestOccurrence(x.Festival!, x.Activity.Months, year)))
            .Select(g => (g.Key.Festival, g.Key.Date, Activities: g.Select(x => x.Activity).ToList()))
            .ToList();
        foreach (var always in Festival.All.Where(f => f.AlwaysNoticed))
            if (!occurrences.Any(o => o.Festival == always && o.Date.Year == year))
                occurrences.Add((always, FestivalCalendar.DateIn(always, year), []));

        foreach (var (festival, date, planned) in occurrences)
        {
            var items = planned
                .Select(a => new FestivalItem(a.Title, OtherMonths(a, date, year), SignUpName(a.Title, activities)))
                .DistinctBy(i => i.Title)
                .ToList();
            yield return new Announcement(
                $"festival:{festival.Id}:{date.Year:D4}",
                ZonedTime.At(date, options.TimeOfDay, zone),
                AnnouncementKind.Festival,
                AnnouncementTexts.GreetingTitle(festival),
                AnnouncementTexts.Greeting(festival, date, items));
            if (items.Count == 0 || options.DaysBefore <= 0) continue;
            yield return new Announcement(
                $"reminder:{festival.Id}:{date.Year:D4}",
                ZonedTime.At(date.AddDays(-options.DaysBefore), options.TimeOfDay, zone),
                AnnouncementKind.Reminder,
                AnnouncementTexts.ReminderTitle(festival),
                AnnouncementTexts.Reminder(festival, date, options.DaysBefore, items));
        }
    }

    /// <summary>
    /// The festival's date closest to the months the activity is planned in: 元旦 under 十二月份、元月 is next 1 January,
    /// 党的生日 under 八月份 is 1 July of the same year, 春节 under 十二月份 is the coming one.
    /// </summary>
    public static DateOnly NearestOccurrence(Festival festival, IReadOnlyList<PlanMonth> months, int year)
    {
        var placed = months.Select(m => Place(m, year)).ToList();
        var first = placed.Min().Year;
        var last = placed.Max().Year;
        return Enumerable.Range(first - 1, last - first + 3)
            .Where(y => y is >= FestivalCalendar.MinYear and <= FestivalCalendar.MaxYear)
            .Select(y => FestivalCalendar.DateIn(festival, y))
            .MinBy(date => placed.Min(m => DaysOutside(date, m)));
    }

    private static int DaysOutside(DateOnly date, CalendarMonth month) =>
        date < month.FirstDay ? month.FirstDay.DayNumber - date.DayNumber
        : date > month.LastDay ? date.DayNumber - month.LastDay.DayNumber
        : 0;

    /// <summary>The activity's months when the festival does not fall in one of them (党的生日 on 1 July, activity in 八月份).</summary>
    private static IReadOnlyList<CalendarMonth> OtherMonths(PlanActivity activity, DateOnly date, int year)
    {
        var placed = activity.Months.Select(m => Place(m, year)).Distinct().Order().ToList();
        return placed.Contains(new CalendarMonth(date.Year, date.Month)) ? [] : placed;
    }

    /// <summary>
    /// What to type after /报名 in a reminder's example: the longest run of letters and digits of the title
    /// ("三﹒八"妇女节专题庆祝活动 → 妇女节专题庆祝活动), as quotes are awkward to type on a phone and sign-up matches a
    /// unique part of the name. The whole title when that run is too short or is part of another activity's title too.
    /// </summary>
    public static string SignUpName(string title, IEnumerable<PlanActivity> all)
    {
        var runs = new List<string>();
        var start = -1;
        for (var i = 0; i <= title.Length; i++)
        {
            var letter = i < title.Length && char.IsLetterOrDigit(title[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0) { runs.Add(title[start..i]); start = -1; }
        }
        var longest = runs.MaxBy(r => r.Length);
        if (longest is null || longest.Length < 4 || longest == title) return title;
        var unique = all.Select(a => a.Title).Where(t => t != title).All(t => !t.Contains(longest, StringComparison.Ordinal));
        return unique ? longest : title;
    }

    private static List<MonthlyItem> DistinctTitles(IEnumerable<PlanActivity> activities) =>
        activities.DistinctBy(a => a.Title.Trim(), StringComparer.Ordinal).Select(a => new MonthlyItem(a.Title.Trim(), a.SignUp)).ToList();
}

/// <summary>An activity of a monthly notice; <see cref="SignUp"/> when it is an event teachers sign up for.</summary>
public sealed record MonthlyItem(string Title, bool SignUp);

/// <summary>A plan activity named in a festival message; <see cref="Months"/> is set when it is not in the festival's month.</summary>
/// <param name="SignUpName">What to type after <c>/报名</c> to sign up for it.</param>
public sealed record FestivalItem(string Title, IReadOnlyList<CalendarMonth> Months, string SignUpName);
