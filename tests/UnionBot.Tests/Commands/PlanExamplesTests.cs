using UnionBot.Core.Plan;

namespace UnionBot.Tests.Commands;

/// <summary>
/// The /报名 examples come from the running plan (an event of this or next month), and a name of the plan outside
/// those months is answered with its month and when its sign-up opens, not "没有找到".
/// </summary>
public sealed class PlanExamplesTests
{
    /// <summary>March: a sports day to sign up for and a task; May: a choir; June: a task; September: a lecture.</summary>
    private static readonly AnnualPlan NoBallGames = new("2026年学校工会工作计划", 2026,
    [
        new([new PlanMonth(3)], "组织教职工趣味运动会", null),
        new([new PlanMonth(3)], "召开工会委员会议", null, SignUp: false),
        new([new PlanMonth(5)], "教工合唱比赛", null),
        new([new PlanMonth(6)], "组织财务内审", null, SignUp: false),
        new([new PlanMonth(9)], "师德专题讲座", null),
    ], []);

    [Fact]
    public async Task HelpShowsSignUpWithAnEventOfThisMonthsPlan()
    {
        using var bot = new CommandsHarness(NoBallGames); // 10 March 2026

        var help = await bot.Say("teacher-li", "/帮助");

        Assert.Contains("例如 /报名 组织教职工趣味运动会", help);
        Assert.DoesNotContain("乒乓球", help);
    }

    [Fact]
    public async Task WithoutAnEventThisMonthHelpTakesOneOfNextMonth()
    {
        using var bot = new CommandsHarness(NoBallGames);
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 4, 15, 1, 0, 0, TimeSpan.Zero));

        Assert.Contains("例如 /报名 教工合唱比赛", await bot.Say("teacher-li", "/帮助"));
    }

    [Fact]
    public async Task WithoutAnEventThisOrNextMonthHelpPointsToThisMonthInsteadOfAnInventedName()
    {
        using var bot = new CommandsHarness(NoBallGames);
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 6, 15, 1, 0, 0, TimeSpan.Zero)); // June: a task only; July: nothing

        var help = await bot.Say("teacher-li", "/帮助");

        Assert.Contains("/报名 活动名 (/signup)", help);
        Assert.DoesNotContain("例如 /报名", help);
        Assert.DoesNotContain("乒乓球", help);
        Assert.Contains("/本月", help);
    }

    [Fact]
    public async Task SignUpWithoutANameGivesAnExampleFromThePlan()
    {
        using var bot = new CommandsHarness(NoBallGames);

        var hint = await bot.Say("teacher-li", "/报名");

        Assert.Contains("/报名 组织教职工趣味运动会", hint);
        Assert.DoesNotContain("乒乓球", hint);
    }

    [Fact]
    public async Task AnEventOfAPastMonthSaysWhenItWas()
    {
        using var bot = new CommandsHarness(); // its plan has “三﹒八”妇女节专题庆祝活动 in March
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));

        var reply = await bot.Say("teacher-li", "/报名 三八妇女节");

        Assert.DoesNotContain("没有找到", reply);
        Assert.Contains("3月", reply);
        Assert.Contains("已经过去", reply);
        Assert.Empty(await bot.Query<string>("SELECT activity FROM signups"));
    }

    [Fact]
    public async Task AnEventOfALaterMonthSaysWhichMonthAndTheDaySignUpOpensByItself()
    {
        using var bot = new CommandsHarness(NoBallGames); // 10 March: May is out of reach yet

        var reply = await bot.Say("teacher-li", "/报名 合唱");

        Assert.DoesNotContain("没有找到", reply);
        Assert.Contains("「教工合唱比赛」是计划里5月的活动", reply);
        Assert.Contains("4月1日起", reply);
        Assert.Empty(await bot.Query<string>("SELECT activity FROM signups"));
    }

    [Fact]
    public async Task ATaskOfAnotherMonthSaysItNeverOpensBySelf()
    {
        using var bot = new CommandsHarness(NoBallGames);

        var reply = await bot.Say("teacher-li", "/报名 财务内审");

        Assert.Contains("6月", reply);
        Assert.Contains("不用报名", reply);
        Assert.Contains("/发起报名 组织财务内审", reply);
    }
}
