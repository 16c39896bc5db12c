using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Month headings as people write them, each in a small plan the reader has never seen.</summary>
public sealed class MonthHeadingTests
{
    private static string[] Parse(string text) => PlanAssert.Brief(PlanParser.Parse(text));

    private static string PlanWith(string heading) => $"""
        XX小学2024年工会工作计划
        一、指导思想
        1.认真学习工会法。
        二、月份工作安排
        {heading}
        1.活动甲。
        十二月份：
        1.活动乙。
        """;

    [Theory]
    [InlineData("二月份：", "2")]
    [InlineData("三月份:", "3")]
    [InlineData("三月", "3")]
    [InlineData("3月", "3")]
    [InlineData("3月份", "3")]
    [InlineData("３月份：", "3")]
    [InlineData("十一月", "11")]
    [InlineData("十一月：", "11")]
    [InlineData("元月", "1")]
    [InlineData("元月份：", "1")]
    [InlineData("　　四月份", "4")]
    [InlineData("四月份工作安排：", "4")]
    [InlineData("2月份工作要点：", "2")]
    [InlineData("【五月】", "5")]
    [InlineData("（一）六月份", "6")]
    [InlineData("1、九月份：", "9")]
    [InlineData("2、9月：", "9")]
    [InlineData("三月份（学雷锋月）：", "3")]
    [InlineData("★九月", "9")]
    public void SingleMonthHeadingIsReadWithOrWithoutColon(string heading, string months) =>
        Assert.Equal([$"{months}:活动甲", "12:活动乙"], Parse(PlanWith(heading)));

    [Theory]
    [InlineData("七、八月份", "7+8")]
    [InlineData("七月、八月", "7+8")]
    [InlineData("7-8月", "7+8")]
    [InlineData("7—8月", "7+8")]
    [InlineData("７～８月：", "7+8")]
    [InlineData("一二月份", "1+2")]
    [InlineData("七八月份：", "7+8")]
    [InlineData("9-11月", "9+10+11")]
    [InlineData("十一、十二月份", "11+12")]
    [InlineData("3、4月份：", "3+4")]
    public void CombinedHeadingCoversEveryMonthItNames(string heading, string months) =>
        Assert.Equal(months + ":活动甲", Parse(PlanWith(heading))[0]);

    [Theory]
    [InlineData("十二月份、XX年元月：")]
    [InlineData("十二月份、2025年元月")]
    [InlineData("十二月、次年一月：")]
    public void DecemberWithTheNextJanuaryPutsJanuaryInTheNextYear(string heading)
    {
        var plan = PlanParser.Parse($"十一月：\n1.活动甲\n{heading}\n1.元旦庆祝活动。\n");
        Assert.Equal(["11:活动甲", "12+1':元旦庆祝活动"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void ASecondJanuaryAtTheEndIsNextJanuary()
    {
        var plan = PlanParser.Parse("一月份\n1.制定计划。\n二月份\n1.开学慰问。\n十二月份\n1.运动会。\n一月份\n1.团拜会。\n");
        Assert.Equal(["1:制定计划", "2:开学慰问", "12:运动会", "1':团拜会"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void ASchoolYearPlanPutsTheMonthsAfterDecemberInTheNextYear()
    {
        var plan = PlanParser.Parse("九月：教师节\n十月：国庆\n十二月：元旦\n元月：总结\n二月：开学\n");
        Assert.Equal(["9:教师节", "10:国庆", "12:元旦", "1':总结", "2':开学"], PlanAssert.Brief(plan));
    }

    [Theory]
    [InlineData("三月份：庆祝三八节", "庆祝三八节")]
    [InlineData("三月份:1.庆祝三八节。", "庆祝三八节")]
    [InlineData("三月份：（1）庆祝三八节", "庆祝三八节")]
    [InlineData("3月 庆祝三八节", "庆祝三八节")]
    [InlineData("三月——庆祝三八节；", "庆祝三八节")]
    public void TheFirstItemMayStandOnTheHeadingLine(string line, string title)
    {
        var plan = PlanParser.Parse($"{line}\n2.植树活动\n四月份：\n1.春游\n");
        Assert.Equal([$"3:{title}", "3:植树活动", "4:春游"], PlanAssert.Brief(plan));
    }

    [Theory]
    [InlineData("四、具体月份工作安排：")]
    [InlineData("三、月份工作安排：")]
    [InlineData("活动安排:")]
    [InlineData("三、主要活动安排")]
    public void TheScheduleMayBeIntroducedByAnyHeading(string intro)
    {
        var plan = PlanParser.Parse($"2024年工会工作计划\n一、指导思想\n以人为本。\n{intro}\n二月份：\n1.制定计划\n三月份：\n1.庆祝三八节\n");
        Assert.Equal(["2:制定计划", "3:庆祝三八节"], PlanAssert.Brief(plan));
    }

    [Theory]
    [InlineData("计划在三月份组织教职工趣味运动会。")]
    [InlineData("三月份组织教职工趣味运动会。")]
    [InlineData("三月三日召开教代会。")]
    [InlineData("3月8日举行庆祝活动。")]
    public void AMonthWordInsideASentenceIsNotAHeading(string sentence)
    {
        var plan = PlanParser.Parse($"二月份：\n1.制定计划\n{sentence}\n2.召开会议\n四月份：\n1.春游\n");
        Assert.Equal(["2:制定计划", "2:召开会议", "4:春游"], PlanAssert.Brief(plan));
    }
}
