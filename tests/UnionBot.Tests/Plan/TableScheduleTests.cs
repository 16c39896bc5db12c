using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Schedules that were tables and reached the reader as text, whichever way their cells came apart.</summary>
public sealed class TableScheduleTests
{
    private static readonly string[] Expected = ["3:羽毛球比赛", "3:三八节联欢", "4:运动会", "5:乒乓球赛"];

    private static string[] Parse(string text) => PlanAssert.Brief(PlanParser.Parse(text));

    [Fact]
    public void CellsOnePerLineEndingInABarAreRows() =>
        Assert.Equal(Expected, Parse("具体工作:\n时间 |\n活动内容 |\n参加范围 |\n三月 |\n羽毛球比赛 三八节联欢 |\n全院职工 女职工 |\n四月 |\n运动会 |\n全院职工 |\n五月 |\n乒乓球赛 |\n |\n以上安排视情况调整。\n"));

    [Fact]
    public void ARowPerLineBetweenTabsIsATable() =>
        Assert.Equal(Expected, Parse("月份\t活动\t备注\n3月\t羽毛球比赛 三八节联欢\t全体\n4月\t运动会\t\n5月\t乒乓球赛\t自愿报名\n"));

    [Fact]
    public void AMarkdownTableIsATable() =>
        Assert.Equal(Expected, Parse("## 活动安排\n\n| 月份 | 活动 | 参加对象 |\n|---|:---:|---|\n| 3月 | 羽毛球比赛 三八节联欢 | 全体 |\n| 4月 | 运动会 | |\n| 5月 | 乒乓球赛 | 自愿 |\n"));

    [Fact]
    public void UnmarkedCellsOnePerLineAreRowsAnchoredAtTheMonth() =>
        Assert.Equal(Expected, Parse("时间\n内容\n参加范围\n三月份\n羽毛球比赛 三八节联欢\n全院职工\n四月份\n运动会\n五月份\n乒乓球赛\n全院职工\n"));

    [Fact]
    public void AMonthCellAloneOnItsLineCoversTheRowsBelowIt() =>
        Assert.Equal(["3:羽毛球比赛", "3:三八节联欢", "4:运动会", "5:乒乓球赛"],
            Parse("| 月份 | 活动内容 | 备注 |\n| 三月 |\n| 羽毛球比赛 | 全体 |\n| 三八节联欢 | 女职工 |\n| 四月 | 运动会 | |\n| 五月 | 乒乓球赛 | |\n"));

    [Fact]
    public void ANumberColumnANameColumnAndADetailsColumnGiveOneItemPerRow() =>
        Assert.Equal(["1:迎新活动", "9+10+11+12:职工之家布置", "3':“喜迎三八 乐在其中”赏花活动"],
            Parse("序号 |\n活动时间 |\n活动名称 |\n活动内容 |\n1 |\n2024年1月 |\n迎新活动 |\n邀请老领导 参加团拜 |\n2 |\n2024年9-12月 |\n职工之家布置 |\n购买器材 |\n3 |\n2025年3月 |\n“喜迎三八 乐在其中”赏花活动 |\n赏花 |\n"));

    [Fact]
    public void ARowNumberRunIntoTheMonthIsNotPartOfIt() =>
        Assert.Equal(["3:植树", "4:踏青"], Parse("序号\t时间\t活动项目\n1三月\t植树\n2 四月\t踏青\n"));

    [Fact]
    public void AQuotedThemeStaysWithTheActivityAfterIt() =>
        Assert.Equal(["6:“童心飞扬” 子女才艺表演", "6:划船比赛"], Parse("月份|活动\n六月|“童心飞扬” 子女才艺表演 划船比赛\n七月|暑期疗休养\n").Take(2).ToArray());
}
