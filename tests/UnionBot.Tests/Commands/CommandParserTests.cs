using UnionBot.Core.Commands;
using static UnionBot.Core.Commands.Command;

namespace UnionBot.Tests.Commands;

/// <summary>Every command of SPEC section 7, its English alias, and what phones add (mentions, full-width, punctuation).</summary>
public sealed class CommandParserTests
{
    [Theory]
    [InlineData("/帮助")]
    [InlineData("/help")]
    [InlineData("/HELP")]
    [InlineData("／帮助")]
    [InlineData("@工会助手 /帮助")]
    [InlineData("@工会助手\u2005/帮助")]
    [InlineData("@工会助手　／帮助！")]
    [InlineData("@工会助手/帮助")]
    [InlineData("  /帮助  ")]
    [InlineData("帮助")]
    [InlineData("/ 帮助")]
    [InlineData("/菜单")]
    public void HelpIsRecognisedInEveryForm(string text) => Assert.Equal(new Help(), CommandParser.Parse(text));

    [Theory]
    [InlineData("/本月")]
    [InlineData("/month")]
    [InlineData("@工会助手 ／本月。")]
    [InlineData("/本月活动")]
    public void ThisMonthIsRecognised(string text) => Assert.Equal(new ThisMonth(), CommandParser.Parse(text));

    [Theory]
    [InlineData("/计划", null)]
    [InlineData("/plan", null)]
    [InlineData("/计划 3月", 3)]
    [InlineData("/计划3月", 3)]
    [InlineData("/计划 3", 3)]
    [InlineData("/计划 ３月份", 3)]
    [InlineData("/计划 三月", 3)]
    [InlineData("/计划 十二月", 12)]
    [InlineData("/计划 十一月份。", 11)]
    [InlineData("/计划 元月", 1)]
    [InlineData("/plan 9", 9)]
    public void PlanTakesAnOptionalMonth(string text, int? month) => Assert.Equal(new Command.Plan(month), CommandParser.Parse(text));

    [Theory]
    [InlineData("/计划 13月")]
    [InlineData("/计划 下个月吧")]
    [InlineData("/计划 0")]
    public void PlanWithAMonthThatIsNotOneGetsAHint(string text) => Assert.IsType<Unknown>(CommandParser.Parse(text));

    [Theory]
    [InlineData("/报名 乒乓球赛", "乒乓球赛")]
    [InlineData("/signup 乒乓球赛", "乒乓球赛")]
    [InlineData("/报名乒乓球赛", "乒乓球赛")]
    [InlineData("@工会助手 /报名 乒乓球赛", "乒乓球赛")]
    [InlineData("@工会助手 @张老师 /报名 乒乓球赛", "乒乓球赛")]
    [InlineData("／报名　乒乓球赛。", "乒乓球赛")]
    [InlineData("/报名 乒乓球赛！！", "乒乓球赛")]
    [InlineData("/报名  教职工   乒乓球赛 ", "教职工 乒乓球赛")]
    [InlineData("报名 乒乓球赛", "乒乓球赛")]
    [InlineData("/报名 2", "2")]
    [InlineData("/报名 “三﹒八”妇女节专题庆祝活动", "“三﹒八”妇女节专题庆祝活动")]
    public void SignUpKeepsTheActivityNameAsTyped(string text, string activity) =>
        Assert.Equal(new SignUp(activity), CommandParser.Parse(text));

    [Theory]
    [InlineData("/取消报名 乒乓球赛")]
    [InlineData("/cancel 乒乓球赛")]
    [InlineData("/取消 乒乓球赛")]
    [InlineData("／取消报名乒乓球赛。")]
    public void CancelSignUpIsRecognised(string text) => Assert.Equal(new CancelSignUp("乒乓球赛"), CommandParser.Parse(text));

    [Theory]
    [InlineData("/名单 乒乓球赛", "乒乓球赛")]
    [InlineData("/list 乒乓球赛", "乒乓球赛")]
    [InlineData("/名单", null)]
    [InlineData("/list", null)]
    public void ListSignUpsTakesAnOptionalActivity(string text, string? activity) =>
        Assert.Equal(new ListSignUps(activity), CommandParser.Parse(text));

    public static TheoryData<string, OpenSignUp> OpenForms => new()
    {
        { "/发起报名 乒乓球赛", new("乒乓球赛", null, null) },
        { "/open 乒乓球赛", new("乒乓球赛", null, null) },
        { "/发起报名 乒乓球赛 名额20", new("乒乓球赛", 20, null) },
        { "/发起报名 乒乓球赛 名额:20", new("乒乓球赛", 20, null) },
        { "/发起报名 乒乓球赛 名额 20", new("乒乓球赛", 20, null) },
        { "/发起报名 乒乓球赛 名额：20", new("乒乓球赛", 20, null) },
        { "/发起报名 乒乓球赛 名额：２０人", new("乒乓球赛", 20, null) },
        { "/发起报名 乒乓球赛 名额二十", new("乒乓球赛", 20, null) },
        { "/发起报名 乒乓球赛 截止12月1日", new("乒乓球赛", null, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛 截止 12-01", new("乒乓球赛", null, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛 截止12/1", new("乒乓球赛", null, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛 截至12月1号", new("乒乓球赛", null, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛 名额20 截止12月1日", new("乒乓球赛", 20, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛 截止12月1日 名额20。", new("乒乓球赛", 20, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛，名额20，截止12月1日。", new("乒乓球赛", 20, new MonthDay(12, 1)) },
        { "/发起报名 乒乓球赛 截止：2026年12月1日", new("乒乓球赛", null, new MonthDay(12, 1)) },
        { "/open 乒乓球赛 quota 16 deadline 12-01", new("乒乓球赛", 16, new MonthDay(12, 1)) },
        { "@工会助手 ／发起报名　举办教职工乒乓球赛　名额１６　截止１２月１日", new("举办教职工乒乓球赛", 16, new MonthDay(12, 1)) },
    };

    [Theory]
    [MemberData(nameof(OpenForms))]
    public void OpenSignUpReadsQuotaAndDeadlineInAnyCommonForm(string text, OpenSignUp expected) =>
        Assert.Equal(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("/发起报名")]
    [InlineData("/发起报名 名额20")]
    [InlineData("/发起报名 乒乓球赛 名额0")]
    [InlineData("/发起报名 乒乓球赛 截止2月30日")]
    [InlineData("/发起报名 乒乓球赛 截止13-01")]
    [InlineData("/发起报名 乒乓球赛 截止下周五")]
    public void OpenSignUpWithoutANameOrWithABadQuotaOrDateGetsAHint(string text) =>
        Assert.IsType<Unknown>(CommandParser.Parse(text));

    [Theory]
    [InlineData("/结束报名 乒乓球赛")]
    [InlineData("/close 乒乓球赛")]
    [InlineData("／结束报名　乒乓球赛。")]
    public void CloseSignUpIsRecognised(string text) => Assert.Equal(new CloseSignUp("乒乓球赛"), CommandParser.Parse(text));

    [Theory]
    [InlineData("/报名")]
    [InlineData("/报名。")]
    [InlineData("/取消报名")]
    [InlineData("/结束报名")]
    public void ActivityCommandsWithoutAnActivityGetAHint(string text) => Assert.IsType<Unknown>(CommandParser.Parse(text));
}
