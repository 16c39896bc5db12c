using UnionBot.Core.Schedule;
using static UnionBot.Tests.Schedule.TestPlans;

namespace UnionBot.Tests.Schedule;

public sealed class MonthlyNoticeTests
{
    [Fact]
    public void EachMonthWithActivitiesGetsOneNoticeOnTheConfiguredDayAndTime()
    {
        var plan = Of(Item("组织会员体检", null, 10), Item("教师趣味运动会", null, 10), Item("演讲活动", null, 11));

        var monthly = Build(plan, configure: o => { o.MonthlyNotice.Day = 5; o.MonthlyNotice.Time = "07:45"; o.MonthlyNotice.SkipWeekend = false; })
            .Where(a => a.Kind == AnnouncementKind.Monthly).ToList();

        Assert.Equal(["monthly:2026-10", "monthly:2026-11"], monthly.Select(a => a.Key));
        Assert.Equal([Shanghai8(2026, 10, 5, 7, 45), Shanghai8(2026, 11, 5, 7, 45)], monthly.Select(a => a.At));
    }

    [Theory]
    [InlineData(8, "2026-08-03")]  // 1 August 2026 is a Saturday
    [InlineData(11, "2026-11-02")] // 1 November 2026 is a Sunday
    [InlineData(9, "2026-09-01")]  // a Tuesday stays
    public void SkipWeekendMovesASaturdayOrSundayNoticeToTheMondayAfter(int month, string expected)
    {
        var notice = Build(Of(Item("活动", null, month))).Single($"monthly:2026-{month:D2}");

        Assert.Equal(expected, notice.At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new TimeSpan(8, 30, 0), notice.At.TimeOfDay);
    }

    [Fact]
    public void WithoutSkipWeekendANoticeStaysOnItsWeekendDay()
    {
        var notice = Build(Of(Item("活动", null, 8)), configure: o => o.MonthlyNotice.SkipWeekend = false).Single("monthly:2026-08");

        Assert.Equal(Shanghai8(2026, 8, 1, 8, 30), notice.At);
    }

    [Fact]
    public void ACombinedHeadingIsAnnouncedOnceInItsFirstMonthUnderItsOwnName()
    {
        var plan = Of(Item("组织财务内审", null, 7, 8) with { SignUp = false }, Item("档案资料整理", null, 7, 8) with { SignUp = false });

        var notice = Assert.Single(Build(plan), a => a.Kind == AnnouncementKind.Monthly);

        Assert.Equal("monthly:2026-07", notice.Key);
        Assert.Equal("七、八月份工会活动安排", notice.Title);
        Assert.Contains("1. 组织财务内审\n2. 档案资料整理\n", notice.Text);
    }

    [Fact]
    public void DecemberWithNextJanuaryIsOneNoticeInDecemberNamingTheNextYear()
    {
        var notice = Assert.Single(Build(Of(Item("工会工作总结", null, 12, 13))), a => a.Kind == AnnouncementKind.Monthly);

        Assert.Equal("monthly:2026-12", notice.Key);
        Assert.Equal("十二月份、2027年元月工会活动安排", notice.Title);
    }

    [Fact]
    public void AMonthThatFollowsDecemberInThePlanIsInTheNextYear()
    {
        var notice = Build(Of(Item("工会工作总结", null, 13))).Single("monthly:2027-01");

        Assert.Equal(Shanghai8(2027, 1, 1, 8, 30), notice.At);
    }

    [Fact]
    public void TheNoticeListsTheMonthsActivitiesInPlanOrderAndSaysHowToSignUp()
    {
        var notice = Build(Of(Item("教学基本功竞赛", null, 4), Item("困难职工调查活动", null, 4))).Single("monthly:2026-04");

        Assert.StartsWith("### 四月份工会活动安排\n\n", notice.Text);
        Assert.Contains("\n1. 教学基本功竞赛（可报名）\n2. 困难职工调查活动（可报名）\n", notice.Text);
        Assert.Contains("@工会助手 /报名 活动名", notice.Text);
    }

    [Fact]
    public void TheNoticeListsTheUnionsOwnTasksTooButOffersSignUpOnlyForEvents()
    {
        var notice = Build(Of(Item("财务内审", null, 5) with { SignUp = false }, Item("教职工乒乓球赛", null, 5))).Single("monthly:2026-05");

        Assert.Contains("\n1. 财务内审\n2. 教职工乒乓球赛（可报名）\n", notice.Text);
        Assert.Contains("@工会助手 /报名 活动名", notice.Text);
    }

    [Fact]
    public void AMonthOfOnlyTheUnionsOwnTasksDoesNotAskAnyoneToSignUp()
    {
        var notice = Build(Of(Item("会费收缴", null, 6) with { SignUp = false }, Item("年度工作总结", null, 6) with { SignUp = false })).Single("monthly:2026-06");

        Assert.Contains("\n1. 会费收缴\n2. 年度工作总结\n", notice.Text);
        Assert.DoesNotContain("报名", notice.Text);
    }

    [Fact]
    public void TheSameItemInTwoSchedulesOfACollectionIsListedOnce()
    {
        var plan = Of(Item("召开教代会", null, 3) with { SignUp = false }, Item("召开教代会", null, 3) with { ScheduleIndex = 1, SignUp = false });

        var notice = Build(plan).Single("monthly:2026-03");

        Assert.Contains("1. 召开教代会\n\n", notice.Text);
        Assert.DoesNotContain("2. ", notice.Text);
    }

    [Fact]
    public void TimesCarryTheConfiguredZonesOffsetIncludingSummerTime()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var notices = Build(Of(Item("a", null, 2), Item("b", null, 7)), zone: berlin, configure: o => o.MonthlyNotice.SkipWeekend = false);

        Assert.Equal(new DateTimeOffset(2026, 2, 1, 8, 30, 0, TimeSpan.FromHours(1)), notices.Single("monthly:2026-02").At);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.FromHours(2)), notices.Single("monthly:2026-07").At);
        Assert.All(notices, a => Assert.Equal(berlin.GetUtcOffset(a.At), a.At.Offset));
    }
}
