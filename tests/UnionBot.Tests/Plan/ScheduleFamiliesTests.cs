using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>
/// The ways people write a month-by-month schedule, each in several spellings: month headings, several activities on
/// one line, months inside the items, hard wraps and page numbers.
/// </summary>
public sealed class ScheduleFamiliesTests
{
    private static string[] Parse(string text) => PlanAssert.Brief(PlanParser.Parse(text));

    [Theory]
    [InlineData("五、9-10月份：", "9+10")]
    [InlineData("9～10月", "9+10")]
    [InlineData("九至十月：", "9+10")]
    [InlineData("九、十月份", "9+10")]
    [InlineData("9，10月:", "9+10")]
    [InlineData("2016年9月—10月", "9+10")]
    [InlineData("（三）2016年9−10月", "9+10")]
    [InlineData("三、二〇一六年九月", "9")]
    public void AMonthHeadingIsReadInAnySpelling(string heading, string months) =>
        Assert.Equal([$"{months}:教师节慰问", "11:乒乓球赛"], Parse($"{heading}\n1.教师节慰问\n十一月\n1.乒乓球赛\n"));

    [Fact]
    public void ANumberBeforeADatedMonthIsTheItemsNumberNotASecondMonth() =>
        Assert.Equal(["3:毽球赛", "4:趣味运动会"], Parse("2、2009年3月:毽球赛\n3、2009年4月:趣味运动会\n"));

    [Theory]
    [InlineData("1、2009年元月卡拉OK舞会。\n2、2009年3月:毽球赛\n3、摄影比赛\n4、2009年四月份 趣味运动会\n")]
    [InlineData("(1)2010年1月 卡拉OK舞会\n具体分组:文科、理科\n(2)2010年3月：毽球赛\n(3)摄影比赛\n(4)2010年4月趣味运动会\n")]
    public void AMonthWrittenInsideAnItemDatesThatItemOnly(string text) =>
        Assert.Equal(["1:卡拉OK舞会", "3:毽球赛", "4:趣味运动会"], Parse(text));

    [Theory]
    [InlineData("一二月份:召开职工代表大会，农历新年慰问退休教职工\n三月份:庆祝三八节；趣味运动会\n", "1+2:召开职工代表大会|1+2:农历新年慰问退休教职工|3:庆祝三八节|3:趣味运动会")]
    [InlineData("四月份：扫墓、春游活动\n七八月份：在职教工、退休教工送清凉活动\n", "4:扫墓|4:春游活动|7+8:在职教工、退休教工送清凉活动")]
    [InlineData("1~2月:\n召开教代会,联欢会,送温暖慰问\n3月:\n组织职工长跑比赛\n", "1+2:召开教代会|1+2:联欢会|1+2:送温暖慰问|3:组织职工长跑比赛")]
    [InlineData("五月：召开工会委员会议，审议工作计划\n六月：端午节慰问；中秋节慰问\n", "5:召开工会委员会议，审议工作计划|6:端午节慰问|6:中秋节慰问")]
    public void ALineListingSeveralActivitiesIsSplitWhereEachPartNamesItsOwn(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Parse(text));

    [Fact]
    public void EachPartOfASplitLineGetsItsOwnFestival()
    {
        var plan = PlanParser.Parse("六月：端午节慰问；中秋节慰问\n七月：暑期疗休养\n");
        Assert.Equal(["dragon-boat", "mid-autumn", null], plan.Activities.Select(a => a.Festival));
    }

    [Fact]
    public void ANumberedItemIsNeverSplitAtItsCommas() =>
        Assert.Equal(["4:工会小组长的调整,培训,使用工作", "5:教职工乒乓球,羽毛球比赛"],
            Parse("4月:\n1. 工会小组长的调整,培训,使用工作\n5月:\n1. 教职工乒乓球,羽毛球比赛\n"));

    [Fact]
    public void AHardWrappedItemIsJoinedAndAStrayPageNumberSkipped() =>
        Assert.Equal(["3:迎接医学部第43届运动会组织职工学习太极扇", "3:组织参加医学部运动会人员和今年献血的人员一日游", "4:踏青"],
            Parse("3月:\n1. 迎接医学部第43届运动会组织职工学习太\n极扇\n2. 组织参加医学部运动会人员和今年献血的人\n7\n员一日游\n4月:\n1. 踏青\n"));

    [Theory]
    [InlineData("- 12 -")]
    [InlineData("第12页")]
    [InlineData("第 3 页 共 8 页")]
    [InlineData("3/8")]
    public void PageNumbersInsideAMonthAreNotActivities(string page) =>
        Assert.Equal(["3:植树", "3:三八节慰问", "4:踏青"], Parse($"三月：\n1、植树\n\n{page}\n\n2、三八节慰问\n四月：\n1、踏青\n"));
}
