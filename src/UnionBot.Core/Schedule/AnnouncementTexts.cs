using System.Text;
using UnionBot.Core.Calendar;
using UnionBot.Core.Text;

namespace UnionBot.Core.Schedule;

/// <summary>
/// The words of every scheduled message. Markdown that both WeCom and DingTalk render: a heading repeating the title
/// (DingTalk shows only the title in the chat list), short paragraphs, a numbered list. Plan text is escaped.
/// </summary>
public static class AnnouncementTexts
{
    private const string SignUp = "@工会助手 /报名 ";
    private const string Signature = "—— 学校工会";
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string MonthlyTitle(IReadOnlyList<CalendarMonth> covered, CalendarMonth noticeMonth) =>
        $"{MonthsName(covered, noticeMonth)}工会活动安排";

    /// <summary>
    /// Every activity of the month, the union's own tasks too; the events teachers sign up for are marked, and the
    /// /报名 line is there only when the month has one.
    /// </summary>
    public static string Monthly(IReadOnlyList<CalendarMonth> covered, CalendarMonth noticeMonth, IReadOnlyList<MonthlyItem> activities)
    {
        var sb = Heading(MonthlyTitle(covered, noticeMonth));
        sb.Append($"各位老师好！{MonthsName(covered, noticeMonth)}工会的工作和活动安排如下：\n\n");
        AppendList(sb, activities.Select(a => Markdown.Inline(a.Title) + (a.SignUp ? "（可报名）" : "")));
        if (activities.Any(a => a.SignUp))
            sb.Append($"标有“可报名”的活动，请在群里发送“{SignUp}活动名”报名，活动名写其中几个字就行。欢迎大家踊跃参加！\n\n");
        return sb.Append(Signature).ToString();
    }

    public static string GreetingTitle(Festival festival) => FestivalGreetings.Title(festival);

    public static string Greeting(Festival festival, DateOnly date, IReadOnlyList<FestivalItem> activities)
    {
        var sb = Heading(GreetingTitle(festival));
        sb.Append(FestivalGreetings.Body(festival, date.Year)).Append("\n\n");
        if (activities.Count > 0)
        {
            sb.Append("工会为大家准备了：\n\n");
            AppendList(sb, activities.Select(Item));
            sb.Append("欢迎大家积极参加！\n\n");
        }
        return sb.Append(Signature).ToString();
    }

    public static string ReminderTitle(Festival festival) => $"{festival.Name}活动提醒";

    public static string Reminder(Festival festival, DateOnly date, int daysBefore, IReadOnlyList<FestivalItem> activities)
    {
        var sb = Heading(ReminderTitle(festival));
        var when = daysBefore switch { 1 => "明天", 2 => "后天", _ => $"再过{daysBefore}天" };
        sb.Append($"各位老师好！{when}就是{festival.Name}（{DateName(festival, date)}），工会为大家准备了：\n\n");
        AppendList(sb, activities.Select(Item));
        sb.Append(activities.Count == 1
            ? $"想参加的老师，请在群里发送“{SignUp}{Markdown.Inline(activities[0].SignUpName)}”报名。\n\n"
            : $"想参加的老师，请在群里发送“{SignUp}活动名”报名，活动名写其中几个字就行。\n\n");
        return sb.Append(Signature).ToString();
    }

    /// <summary>三月份; 七、八月份; 十二月份、2027年元月 — as plans write their month headings.</summary>
    public static string MonthsName(IReadOnlyList<CalendarMonth> months, CalendarMonth noticeMonth)
    {
        var parts = new List<string>();
        foreach (var year in months.GroupBy(m => m.Year))
        {
            if (year.Key == noticeMonth.Year)
                parts.Add(string.Join("、", year.Select(m => Numerals[m.Month - 1])) + "月份");
            else
                parts.Add($"{year.Key}年" + string.Join("、", year.Select(m => m.Month == 1 ? "元月" : Numerals[m.Month - 1] + "月")));
        }
        return string.Join("、", parts);
    }

    /// <summary>9月10日，星期四 — with the lunar date for lunar festivals: 10月18日，农历九月初九，星期日.</summary>
    public static string DateName(Festival festival, DateOnly date)
    {
        var lunar = festival.IsLunar ? $"农历{FestivalCalendar.LunarName(festival.Month, festival.Day)}，" : "";
        return $"{date.Month}月{date.Day}日，{lunar}{Weekdays[(int)date.DayOfWeek]}";
    }

    private static string Item(FestivalItem item) =>
        Markdown.Inline(item.Title) + (item.Months.Count == 0 ? "" : $"（{MonthsName(item.Months, item.Months[0])}）");

    private static StringBuilder Heading(string title) => new StringBuilder("### ").Append(title).Append("\n\n");

    private static void AppendList(StringBuilder sb, IEnumerable<string> items)
    {
        var n = 0;
        foreach (var item in items) sb.Append($"{++n}. {item}\n");
        sb.Append('\n');
    }
}
