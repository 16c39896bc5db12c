using UnionBot.Core.Schedule;
using static UnionBot.Tests.Schedule.TestPlans;

namespace UnionBot.Tests.Schedule;

public sealed class FestivalNoticeTests
{
    [Fact]
    public void WomensDayAndTeachersDayAreGreetedEvenByAPlanWithNoActivities()
    {
        var schedule = Build(Of());

        Assert.Equal(["festival:womens-day:2026", "festival:teachers-day:2026"], schedule.Select(a => a.Key));
        Assert.Equal([Shanghai8(2026, 3, 8, 8, 0), Shanghai8(2026, 9, 10, 8, 0)], schedule.Select(a => a.At));
    }

    [Fact]
    public void OtherFestivalsAreGreetedOnlyWhenAnActivityIsAboutThem()
    {
        var without = Build(Of(Item("组织会员体检", null, 10)));
        var with = Build(Of(Item("庆“十一”文艺汇演", "national-day", 10)));

        Assert.DoesNotContain(without, a => a.Key.Contains("national-day", StringComparison.Ordinal));
        Assert.Equal(Shanghai8(2026, 10, 1, 8, 0), with.Single("festival:national-day:2026").At);
    }

    [Fact]
    public void AFestivalWithAnActivityGetsAReminderDaysBeforeAtTheGreetingTime()
    {
        var schedule = Build(Of(Item("教师节庆祝活动", "teachers-day", 9)), configure: o => { o.FestivalNotice.Time = "09:15"; o.FestivalNotice.DaysBefore = 5; });

        Assert.Equal(Shanghai8(2026, 9, 5, 9, 15), schedule.Single("reminder:teachers-day:2026").At);
        Assert.Equal(Shanghai8(2026, 9, 10, 9, 15), schedule.Single("festival:teachers-day:2026").At);
        Assert.Equal(AnnouncementKind.Reminder, schedule.Single("reminder:teachers-day:2026").Kind);
        Assert.Equal(AnnouncementKind.Festival, schedule.Single("festival:teachers-day:2026").Kind);
    }

    [Fact]
    public void AFestivalWithoutAnActivityHasNoReminder() =>
        Assert.DoesNotContain(Build(Of()), a => a.Kind == AnnouncementKind.Reminder);

    [Fact]
    public void DaysBeforeZeroMeansNoReminders() =>
        Assert.DoesNotContain(Build(Of(Item("教师节庆祝活动", "teachers-day", 9)), configure: o => o.FestivalNotice.DaysBefore = 0),
            a => a.Kind == AnnouncementKind.Reminder);

    [Theory]
    [InlineData("new-year", new[] { 12, 13 }, "2027-01-01")]  // 元旦 under 十二月份、XX年元月: the coming one
    [InlineData("new-year", new[] { 12 }, "2027-01-01")]
    [InlineData("new-year", new[] { 1 }, "2026-01-01")]
    [InlineData("party-day", new[] { 8 }, "2026-07-01")]      // 党的生日 celebrated in 八月: this year's 1 July
    [InlineData("double-ninth", new[] { 10 }, "2026-10-18")]  // 重阳 in 十月: lunar 9-9 of this year
    [InlineData("spring-festival", new[] { 1, 2 }, "2026-02-17")]
    [InlineData("spring-festival", new[] { 12, 13 }, "2027-02-06")] // 春节慰问 in 十二月份、元月: the coming 春节
    [InlineData("mid-autumn", new[] { 9 }, "2026-09-25")]
    public void TheGreetedOccurrenceIsTheOneNearestTheActivitysMonths(string festival, int[] months, string expected)
    {
        var greeting = Assert.Single(Build(Of(Item("活动", festival, months))), a => a.Key.StartsWith($"festival:{festival}:", StringComparison.Ordinal));

        Assert.Equal(expected, greeting.At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"festival:{festival}:{expected[..4]}", greeting.Key);
    }

    [Fact]
    public void AReminderIsKeyedByTheFestivalsYearEvenWhenItFallsInTheYearBefore()
    {
        var reminder = Build(Of(Item("元旦庆祝活动", "new-year", 12, 13))).Single("reminder:new-year:2027");

        Assert.Equal(Shanghai8(2026, 12, 29, 8, 0), reminder.At);
    }

    [Fact]
    public void SeveralActivitiesOfOneFestivalShareOneGreetingAndOneReminderNamingThemAll()
    {
        var plan = Of(Item("教师节庆祝活动", "teachers-day", 9), Item("慰问老教师", null, 9), Item("教师节表彰大会", "teachers-day", 9));

        var schedule = Build(plan);

        var greeting = Assert.Single(schedule, a => a.Kind == AnnouncementKind.Festival && a.Key.Contains("teachers-day", StringComparison.Ordinal));
        var reminder = Assert.Single(schedule, a => a.Kind == AnnouncementKind.Reminder);
        foreach (var text in new[] { greeting.Text, reminder.Text })
        {
            Assert.Contains("1. 教师节庆祝活动\n2. 教师节表彰大会\n", text);
            Assert.DoesNotContain("慰问老教师", text);
        }
        Assert.Contains("“@工会助手 /报名 活动名”报名，活动名写其中几个字就行", reminder.Text);
    }

    [Fact]
    public void AnActivityNamingAnAlwaysGreetedFestivalDoesNotDoubleItsGreeting()
    {
        var schedule = Build(Of(Item("“三﹒八”妇女节专题庆祝活动", "womens-day", 3)));

        Assert.Single(schedule, a => a.Key == "festival:womens-day:2026");
        Assert.Single(schedule, a => a.Key == "reminder:womens-day:2026");
    }

    [Fact]
    public void TheScheduleIsSortedByTimeAndEveryKeyIsUnique()
    {
        var schedule = ScheduleBuilder.Build(Plan.Seed000.Plan, 2026, new(), Shanghai, Holidays);

        Assert.Equal(schedule.OrderBy(a => a.At), schedule);
        Assert.Equal(schedule.Count, schedule.Select(a => a.Key).Distinct().Count());
    }

    [Fact]
    public void BuildingTwiceGivesTheSameAnnouncements()
    {
        var first = ScheduleBuilder.Build(Plan.Seed000.Plan, 2026, new(), Shanghai, Holidays);
        var second = ScheduleBuilder.Build(Plan.Seed000.Plan, 2026, new(), Shanghai, Holidays);

        Assert.Equal(first, second);
    }

    [Fact]
    public void AnActivityWithAnImpossibleMonthNoTitleOrUnknownFestivalIsLeftOutNotFatal()
    {
        var plan = Of(new Core.Plan.PlanActivity([new(13)], "坏月份", null), new Core.Plan.PlanActivity([], "无月份", null),
            Item("  ", "teachers-day", 9), Item("万圣节", "halloween", 10));

        var schedule = Build(plan);

        Assert.Equal(["festival:womens-day:2026", "festival:teachers-day:2026", "monthly:2026-10"], schedule.Select(a => a.Key));
    }
}
