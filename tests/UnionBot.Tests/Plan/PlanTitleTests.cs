using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>The plan's title and the year it states.</summary>
public sealed class PlanTitleTests
{
    [Theory]
    [InlineData("2023年学校工会工作计划书", 2023)]
    [InlineData("武进区漕桥小学工会委员会2022年度工作计划", 2022)]
    [InlineData("郑陆中心小学2013年工会工作计划", 2013)]
    [InlineData("2023-2024学年第一学期工会工作计划", 2023)]
    [InlineData("２０２４年工会工作计划", 2024)]
    [InlineData("二〇二五年学校工会工作计划", 2025)]
    [InlineData("二○一六年学校工会工作计划", 2016)]
    [InlineData("二OO五年工会工作计划", 2005)]
    [InlineData("2016-2017学年度工会工作计划", 2016)]
    [InlineData("2016—17学年度第二学期工会工作计划", 2017)]
    [InlineData("学期工会工作计划(精选5篇)", null)]
    [InlineData("如何写学校工会工作总结及明年工作计划", null)]
    [InlineData("工会工作计划（共30条）", null)]
    public void TheYearComesFromTheTitle(string title, int? year)
    {
        var plan = PlanParser.Parse($"{title}\n一、指导思想\n");
        Assert.Equal(title, plan.Title);
        Assert.Equal(year, plan.Year);
    }

    [Fact]
    public void ALongRunInFirstLineIsSkippedForTheFirstShortLineNamingAPlan()
    {
        var runIn = " 如何写学校工会工作总结及明年工作计划范本一以党的精神为指导，" + new string('认', 80);
        var plan = PlanParser.Parse($"{runIn}\n如何写学校工会工作计划范本一（2024年）\n正文。\n");
        Assert.Equal("如何写学校工会工作计划范本一（2024年）", plan.Title);
        Assert.Equal(2024, plan.Year);
    }

    [Fact]
    public void WithoutAPlanTitleTheFirstLineIsTakenCutShort()
    {
        var first = "　　" + new string('工', 70);
        var plan = PlanParser.Parse($"\n\n{first}\n正文。\n");
        Assert.Equal(new string('工', 60), plan.Title);
        Assert.Null(plan.Year);
    }

    [Fact]
    public void AYearInsideTheTextButNotInTheTitleIsNotThePlansYear() =>
        Assert.Null(PlanParser.Parse("学校工会工作计划\n2019年我校工会……\n").Year);
}
