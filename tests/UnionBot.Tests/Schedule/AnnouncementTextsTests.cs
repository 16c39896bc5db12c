using UnionBot.Core.Text;
using UnionBot.Core.Calendar;
using UnionBot.Core.Schedule;
using static UnionBot.Tests.Schedule.TestPlans;

namespace UnionBot.Tests.Schedule;

public sealed class AnnouncementTextsTests
{
    [Fact]
    public void EveryTextStartsWithItsTitleAsAHeading()
    {
        var schedule = Build(Of(Item("元旦庆祝活动", "new-year", 12, 13), Item("重阳登高", "double-ninth", 10)));

        Assert.All(schedule, a => Assert.StartsWith($"### {a.Title}\n\n", a.Text));
        Assert.All(schedule, a => Assert.InRange(a.Title.Length, 4, 20));
    }

    [Fact]
    public void AGreetingNamesThePlansActivity()
    {
        var greeting = Build(Of(Item("“三﹒八”妇女节专题庆祝活动", "womens-day", 3))).Single("festival:womens-day:2026");

        Assert.Equal("三八妇女节快乐", greeting.Title);
        Assert.Contains("1. “三﹒八”妇女节专题庆祝活动\n", greeting.Text);
    }

    [Fact]
    public void WithoutAnActivityTheAlwaysGreetedFestivalsGetAPlainWarmGreeting()
    {
        var greeting = Build(Of()).Single("festival:teachers-day:2026");

        Assert.Equal("教师节快乐", greeting.Title);
        Assert.Contains("今天是第42个教师节", greeting.Text);
        Assert.DoesNotContain("1. ", greeting.Text);
        Assert.DoesNotContain("报名", greeting.Text);
    }

    [Fact]
    public void AReminderGivesTheDateWeekdayAndHowToSignUpByAnEasyPartOfTheName()
    {
        var reminder = Build(Of(Item("“三﹒八”妇女节专题庆祝活动", "womens-day", 3))).Single("reminder:womens-day:2026");

        Assert.Contains("再过3天就是三八妇女节（3月8日，星期日）", reminder.Text);
        Assert.Contains("“@工会助手 /报名 妇女节专题庆祝活动”", reminder.Text);
    }

    [Fact]
    public void ALunarFestivalsReminderAlsoGivesTheLunarDate()
    {
        var reminder = Build(Of(Item("重阳登高", "double-ninth", 10)), configure: o => o.FestivalNotice.DaysBefore = 1).Single("reminder:double-ninth:2026");

        Assert.Contains("明天就是重阳节（10月18日，农历九月初九，星期日）", reminder.Text);
    }

    [Fact]
    public void AnActivityOutsideTheFestivalsMonthIsShownWithItsMonth()
    {
        var greeting = Build(Of(Item("庆祝党的生日九十周年", "party-day", 8))).Single("festival:party-day:2026");

        Assert.Contains("1. 庆祝党的生日九十周年（八月份）\n", greeting.Text);
        Assert.Contains("成立105周年", greeting.Text);
    }

    [Fact]
    public void PlanTextCannotForgeMarkdown()
    {
        var notice = Build(Of(Item("推进学校***建设", null, 3) with { SignUp = false }, Item("[点我](http://x) <font>`码`_斜_ #标题", null, 3) with { SignUp = false }, Item("- 假列表", null, 3) with { SignUp = false }, Item("1. 假编号", null, 3) with { SignUp = false }))
            .Single("monthly:2026-03");

        var items = notice.Text.Split('\n').Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l[1] == '.').Select(l => l[3..]).ToList();
        Assert.Equal(["推进学校＊＊＊建设", "［点我］(http://x) ＜font＞｀码｀＿斜＿ ＃标题", "－ 假列表", "1． 假编号"], items);
    }

    [Theory]
    [InlineData("推进学校***建设", "推进学校＊＊＊建设")]
    [InlineData("第一行\r\n# 第二行", "第一行 ＃ 第二行")]
    [InlineData("+ 加", "＋ 加")]
    [InlineData("2) 二", "2） 二")]
    [InlineData("2023.5 不是列表", "2023.5 不是列表")]
    [InlineData("  教师节庆祝活动  ", "教师节庆祝活动")]
    public void EscapeKeepsTheWordsAndRemovesTheSyntax(string input, string expected) =>
        Assert.Equal(expected, Markdown.Inline(input));

    [Theory]
    [InlineData(new[] { 3 }, 3, "三月份")]
    [InlineData(new[] { 7, 8 }, 7, "七、八月份")]
    [InlineData(new[] { 12, 13 }, 12, "十二月份、2027年元月")]
    [InlineData(new[] { 11, 12, 13, 14 }, 11, "十一、十二月份、2027年元月、二月")]
    public void MonthsAreNamedAsPlansNameThem(int[] months, int first, string expected)
    {
        var placed = months.Select(m => m > 12 ? new CalendarMonth(2027, m - 12) : new CalendarMonth(2026, m)).ToList();
        Assert.Equal(expected, AnnouncementTexts.MonthsName(placed, new CalendarMonth(2026, first)));
    }

    [Fact]
    public void TheSignUpExampleKeepsTheWholeNameWhenItsLongestPartIsSharedWithAnotherActivity()
    {
        var all = new[] { Item("“五一”教职工运动会", "labour-day", 5), Item("教职工运动会总结", null, 6) };

        Assert.Equal("“五一”教职工运动会", ScheduleBuilder.SignUpName("“五一”教职工运动会", all));
        Assert.Equal("国际劳动节", ScheduleBuilder.SignUpName("庆祝\"五一\"国际劳动节", all));
    }

    [Fact]
    public void DatesAreNamedWithTheirWeekday() =>
        Assert.Equal("9月10日，星期四", AnnouncementTexts.DateName(Festival.ById("teachers-day")!, new DateOnly(2026, 9, 10)));
}
