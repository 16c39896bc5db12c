using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Where a schedule starts and ends: the numbered lists around it are not activities.</summary>
public sealed class ScheduleBoundaryTests
{
    private const string Schedule = "四、具体月份工作安排：\n三月份：\n1.庆祝三八节。\n2.植树活动。\n四月份：\n1.春游。\n";

    private static string[] Parse(string text) => PlanAssert.Brief(PlanParser.Parse(text));

    [Fact]
    public void NumberedListsBeforeTheScheduleAreNotActivities()
    {
        var text = "2024年工会工作计划\n一、指导思想\n以科学发展观为指导。\n二、主要工作\n(一)加强自身建设\n1.认真学习工会法。\n2.加强作风建设。\n三、工作目标\n1、提高质量。\n" + Schedule;
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse(text));
    }

    [Theory]
    [InlineData("五、保障措施\n1.加强领导。")]
    [InlineData("备注：\n1.各项活动视情况调整。")]
    [InlineData("附件：活动报名表\n1.姓名")]
    [InlineData("附：\n1.报名表")]
    [InlineData("注：时间如有变动另行通知\n1.以通知为准")]
    [InlineData("Copyright © 2003 www.example.com All Rights Reserved.\n1.联系我们")]
    [InlineData("本文来源：范文网\n1.相关文章")]
    [InlineData("2024年2月20日\n1.附注")]
    [InlineData("第一条 为规范工会工作，制定本办法。\n1.总则")]
    [InlineData("以上安排如有变动，另行通知。\n1.联系人")]
    [InlineData("漕桥小学工会委员会\n2024年2月")]
    [InlineData("【篇二】\n1.加强学习")]
    [InlineData("范文三：学校工会工作计划\n1.加强学习")]
    public void TheScheduleEndsAtTheNextSectionAppendixOrSourceLine(string after) =>
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse(Schedule + after + "\n"));

    [Fact]
    public void AnItemNamingAWebsiteOrCopyrightStaysInTheSchedule() =>
        Assert.Equal(["3:登录www.example.cn参加工会知识答题", "3:开展版权知识讲座", "4:春游"],
            Parse("三月份：\n1.登录www.example.cn参加工会知识答题\n2.开展版权知识讲座\n四月份：\n1.春游\n"));

    [Fact]
    public void ALongProseParagraphEndsTheSchedule()
    {
        var prose = "总之，" + string.Concat(Enumerable.Repeat("工会将继续围绕学校中心工作，服务大局，", 5)) + "为学校发展作出贡献。";
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse(Schedule + prose + "\n1.加强学习\n"));
    }

    [Fact]
    public void ALongDetailParagraphBetweenItemsDoesNotEndTheSchedule()
    {
        var detail = "（" + string.Concat(Enumerable.Repeat("组织女教职工参加趣味运动会、插花比赛、读书分享会，", 4)) + "）";
        var plan = PlanParser.Parse($"三月份：\n1.庆祝三八节\n{detail}\n2.植树活动\n四月份：\n长长的说明{detail}\n五月份：\n1.劳动节表彰\n");
        Assert.Equal(["3:庆祝三八节", "3:植树活动", $"4:长长的说明{detail}", "5:劳动节表彰"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void ChineseNumberedItemsContinueButASectionHeadingThatDoesNotEndsTheSchedule() =>
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"],
            Parse("三月\n一、庆祝三八节\n二、植树活动\n四月\n一、春游\n五、保障措施\n一、加强领导\n"));

    [Fact]
    public void SemesterGroupLinesNeitherEndTheScheduleNorBecomeActivities() =>
        Assert.Equal(["12:元旦", "1':总结", "2':开学", "3':三八节"],
            Parse("（一）第一学期\n十二月：\n1.元旦\n一月：\n1.总结\n（二）第二学期\n二月：\n1.开学\n三月：\n1.三八节\n"));

    [Fact]
    public void AScheduleOfOneLinePerMonthEndsAtThePlainLineAfterIt()
    {
        var text = "十月份:举办教职工乒乓球赛\n十一月份:冬季锻炼活动\n十二月份:迎新年联欢活动\n学校工会总结及工作计划范本九\n一、学习贯彻精神\n1、加强学习。\n";
        Assert.Equal(["10:举办教职工乒乓球赛", "11:冬季锻炼活动", "12:迎新年联欢活动"], Parse(text));
    }

    [Fact]
    public void ACollectionYieldsEverySchedulesItemsWithItsIndex()
    {
        var text = "学校工会工作计划范本一\n一、月份安排\n三月：\n1.三八节\n四月：\n1.春游\n" +
                   "2024年学校工会工作计划范本二\n一、指导思想\n认真学习。\n二、活动安排\n九月：\n1.教师节\n十月：\n1.重阳节\n";
        var plan = PlanParser.Parse(text);
        Assert.Equal(["3:三八节", "4:春游", "9:教师节", "10:重阳节"], PlanAssert.Brief(plan));
        Assert.Equal([0, 0, 1, 1], plan.Activities.Select(a => a.ScheduleIndex));
    }

    [Fact]
    public void ADocumentWithoutAScheduleHasNoActivitiesAndOneWarning()
    {
        var plan = PlanParser.Parse("学期工会工作计划\n一、指导思想\n每月至少开展一次活动。\n二、主要工作\n1、加强学习。\n2、关心教职工。\n");
        Assert.Empty(plan.Activities);
        Assert.Equal([PlanParser.NoScheduleWarning], plan.Warnings);
    }

    [Fact]
    public void ALoneMonthHeadingInProseIsNotASchedule()
    {
        var plan = PlanParser.Parse("二、主要工作\n3月：\n1.组织教师春游。\n2.开展读书活动。\n三、保障措施\n1.加强领导。\n");
        Assert.Empty(plan.Activities);
        Assert.Equal([PlanParser.NoScheduleWarning], plan.Warnings);
    }

    [Fact]
    public void AMonthHeadingWithNothingUnderItIsReportedInAWarning()
    {
        var plan = PlanParser.Parse("三月份：\n1.三八节\n八月份：\n九月份：\n1.教师节\n");
        Assert.Equal(["3:三八节", "9:教师节"], PlanAssert.Brief(plan));
        Assert.Equal(["'八月份：' has no activities under it"], plan.Warnings);
    }

    [Theory]
    [InlineData("八月份：无")]
    [InlineData("八月份：\n（暂无）")]
    [InlineData("八月份：\n1.待定")]
    public void AMonthThatSaysItHasNothingPlannedHasNoActivities(string august)
    {
        var plan = PlanParser.Parse($"七月份：\n1.慰问\n{august}\n九月份：\n1.教师节\n");
        Assert.Equal(["7:慰问", "9:教师节"], PlanAssert.Brief(plan));
        // Nothing to check: the chair wrote that nothing is planned (an empty heading is still reported, above).
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void AnEmptyDocumentIsAnEmptyPlanWithTheWarning()
    {
        var plan = PlanParser.Parse("");
        Assert.Null(plan.Title);
        Assert.Null(plan.Year);
        Assert.Empty(plan.Activities);
        Assert.Equal([PlanParser.NoScheduleWarning], plan.Warnings);
    }

    [Fact]
    public void ASignOffUnderAMonthWithoutNumberingIsNotAnActivity() =>
        Assert.Equal(["11:秋游", "12:运动会", "12:年度总结"],
            Parse("十一月\n秋游\n十二月\n运动会\n年度总结\nXX市第一小学工会\n二〇二四年一月\n"));
}
