using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Item numbering, unnumbered lines and the text people put around items.</summary>
public sealed class ItemNumberingTests
{
    private static string[] Parse(string text) => PlanAssert.Brief(PlanParser.Parse(text));

    [Theory]
    [InlineData("1.", "2.")]
    [InlineData("1、", "2、")]
    [InlineData("1，", "2，")]
    [InlineData("1,", "2,")]
    [InlineData("1．", "2．")]
    [InlineData("１．", "２．")]
    [InlineData("1. ", "2. ")]
    [InlineData("（1）", "（2）")]
    [InlineData("(1)", "(2)")]
    [InlineData("⑴", "⑵")]
    [InlineData("①", "②")]
    [InlineData("⒈", "⒉")]
    [InlineData("一、", "二、")]
    [InlineData("（一）", "（二）")]
    [InlineData("● ", "● ")]
    public void EveryNumberingStyleIsRemovedFromTheTitle(string first, string second)
    {
        var plan = $"三月份：\n{first}庆祝三八节。\n{second}植树活动；\n四月份：\n{first}春游\n";
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse(plan));
    }

    [Fact]
    public void ALineWhoseDigitWasLostIsStillAnItem() =>
        Assert.Equal(["3:学习工会法", "3:教学基本功评比", "3:师德讲座", "4:春游"],
            Parse("三月份：\n1.学习工会法。\n.教学基本功评比。\n3.师德讲座。\n四月份：\n1.春游\n"));

    [Fact]
    public void ANumberWithNothingAfterItIsNoActivity() =>
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse("三月份：\n1.庆祝三八节\n2.\n3.植树活动\n四月份：\n1.春游\n"));

    [Fact]
    public void ADigitGluedToTheTextIsTheNextNumber() =>
        Assert.Equal(["5:召开教代会", "5:评议领导", "5:开展168爱生行动（大家访）", "6:体检"],
            Parse("五月份\n1.召开教代会。\n2.评议领导。\n3开展168爱生行动（大家访）。\n六月份\n1.体检\n"));

    [Fact]
    public void AMonthWithoutNumberingHasOneItemPerLine() =>
        Assert.Equal(["2:慰问退休教师", "2:召开工会委员会议，通过工作计划", "3:庆祝三八节"],
            Parse("二月份：\n慰问退休教师。\n\n召开工会委员会议，通过工作计划\n三月份：\n庆祝三八节\n"));

    [Fact]
    public void UnnumberedLinesBeforeTheFirstNumberAreItems() =>
        Assert.Equal(["2:慰问退休教师", "2:召开委员会议", "2:协助开学工作", "3:庆祝三八节"],
            Parse("二月份：\n慰问退休教师。\n召开委员会议\n3、协助开学工作。\n三月份：\n1.庆祝三八节\n"));

    [Fact]
    public void AnUnnumberedLineBetweenConsecutiveNumbersContinuesTheItemAbove() =>
        Assert.Equal(["9:教师节庆祝活动", "9:师德建设月启动", "9:参加区教师节活动", "10:重阳节"],
            Parse("九月份：\n1.教师节庆祝活动。\n2.师德建设月启动\n活动主题：（待定）\n3.参加区教师节活动。\n十月份：\n1.重阳节\n"));

    [Fact]
    public void AnUnnumberedLineFillingAGapInTheNumberingIsAnItem() =>
        Assert.Equal(["4:读书节", "4:春游", "4:歌手大赛", "5:运动会"],
            Parse("四月\n1、读书节;\n春游\n3、歌手大赛。\n五月\n1、运动会\n"));

    [Fact]
    public void NumberingRestartingInsideAMonthKeepsEveryItem() =>
        Assert.Equal(["11:准备教代会", "12:召开教代会", "12:年度考核", "12:元旦庆祝活动", "12:送温暖"],
            Parse("十一月\n1、准备教代会;\n十二月\n1、召开教代会;\n2、年度考核。\n1、元旦庆祝活动;\n2、送温暖。\n"));

    [Fact]
    public void ASubListUnderAnItemDetailsItAndIsNotAnActivity() =>
        Assert.Equal(["5:文体活动", "5:体检", "6:座谈会"],
            Parse("五月份：\n1.文体活动\n（1）拔河\n（2）篮球\n2.体检\n六月份：\n1.座谈会\n"));

    [Fact]
    public void OnlyTrailingFullStopsAndSemicolonsAreRemovedInnerTextStaysAsWritten() =>
        Assert.Equal(["3:\"三﹒八\"妇女节专题庆祝活动", "3:教学比赛;协助毕业班工作", "3:教师微培训活动。（微课的制作）"],
            Parse("三月份：\n1.\"三﹒八\"妇女节专题庆祝活动。\n2.教学比赛;协助毕业班工作;\n3. 教师微培训活动。（微课的制作）。\n四月：\n1.春游\n")[..3]);

    [Fact]
    public void StrayMarksIndentationBlankLinesAndWindowsLineEndingsAreIgnored()
    {
        var text = "\uFEFF　　三月份：\r\n\r\n　　?1.庆祝三八节。\r\n\r\n*2.植树活动\r\n\r\n  四月份\r\n\r\n\t1、春游\r\n";
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse(text));
    }

    [Fact]
    public void FullWidthPunctuationAndDigitsReadLikeHalfWidth() =>
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"],
            Parse("三月份：\n１．庆祝三八节。\n２，植树活动\n４月份：\n（１）春游\n"));

    [Fact]
    public void TraditionalCharactersAreReadAndKeptAsWritten()
    {
        var plan = PlanParser.Parse("二〇二四年學校工會工作計劃\n三月份：\n1.慶祝婦女節。\n2.植樹活動。\n十月份：\n1.慶祝國慶。\n備註：以上活動視情況調整。\n1.不是活動\n");
        Assert.Equal(["3:慶祝婦女節", "3:植樹活動", "10:慶祝國慶"], PlanAssert.Brief(plan));
        Assert.Equal(["womens-day", "arbor-day", "national-day"], plan.Activities.Select(a => a.Festival));
        Assert.Equal(2024, plan.Year);
    }

    [Theory]
    [InlineData("三月份：1、庆祝三八节；2、植树活动。")]
    [InlineData("三月份：\n1.庆祝三八节，2.植树活动")]
    [InlineData("三月份：①庆祝三八节②植树活动")]
    [InlineData("三月份：\n（1）庆祝三八节 （2）植树活动")]
    public void ItemsNumberedOnOneLineAreSeparateActivities(string month) =>
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], Parse($"{month}\n四月份：\n1.春游\n"));

    [Fact]
    public void TextThatMerelyContainsTheNextNumberIsNotSplit() =>
        Assert.Equal(["3:组织1、2年级家长会", "3:教师节2.0方案研讨", "4:春游"],
            Parse("三月份：\n1.组织1、2年级家长会\n2.教师节2.0方案研讨\n四月份：\n1.春游\n"));
}
