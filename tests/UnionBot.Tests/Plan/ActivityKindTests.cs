using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Events teachers sign up for, and the union's own tasks, told apart by the wording.</summary>
public sealed class ActivityKindTests
{
    [Theory]
    [InlineData("乒乓球赛")]
    [InlineData("组织教职工参加区羽毛球比赛")]
    [InlineData("趣味运动会")]
    [InlineData("迎新春联欢")]
    [InlineData("暑期旅游")]
    [InlineData("组织劳模疗休养")]
    [InlineData("慰问退休教师")]
    [InlineData("教职工健康知识讲座")]
    [InlineData("观影活动")]
    [InlineData("健步走")]
    [InlineData("组织教职工体检")]
    [InlineData("春秋兩季旅遊")]
    [InlineData("新教师欢迎会")]
    [InlineData("学雷锋志愿服务")]
    [InlineData("教职工气排球")]
    [InlineData("女教工插花")]
    [InlineData("迎新年文艺汇演")]
    [InlineData("教师经典诵读朗诵")]
    [InlineData("教职工太极拳")]
    [InlineData("象棋围棋友谊对抗")]
    public void AnEventIsOpenForSignUp(string title) => Assert.True(ActivityKind.IsEvent(title, null));

    [Theory]
    [InlineData("“三八”妇女节系列活动：（1）女教工趣味运动会；（2）评选“最美女教师”", true)]
    [InlineData("教职工运动会：做好报名统计", true)]
    [InlineData("召开第五届教代会：组织教职工观看文艺演出", false)]
    [InlineData("主题：庆祝教师节", true)]
    public void BeforeAColonTheActivityIsNamedAndAfterItItsPartsAreListed(string title, bool isEvent) =>
        Assert.Equal(isEvent, ActivityKind.IsEvent(title, null));

    [Theory]
    [InlineData("财务内审")]
    [InlineData("会费收缴")]
    [InlineData("年度工作总结")]
    [InlineData("制定工作计划")]
    [InlineData("工会档案自查")]
    [InlineData("召开工会委员会议")]
    [InlineData("召开教职工运动会筹备会议")]
    [InlineData("评选优秀工会积极分子")]
    [InlineData("推荐并上报先进个人")]
    [InlineData("检查各小组活动台账")]
    [InlineData("布置暑期工作")]
    public void TheUnionsOwnTaskIsNot(string title) => Assert.False(ActivityKind.IsEvent(title, null));

    [Fact]
    public void WithNeitherKindOfWordAFestivalItemIsAnEvent()
    {
        Assert.True(ActivityKind.IsEvent("元宵节", "lantern"));
        Assert.False(ActivityKind.IsEvent("暑期饮料", null));
    }
}
