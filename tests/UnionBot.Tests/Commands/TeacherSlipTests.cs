using UnionBot.Core.Commands;
using static UnionBot.Core.Commands.Command;

namespace UnionBot.Tests.Commands;

/// <summary>What teachers and the chair ran into (issue 9): each case answered the wrong thing before.</summary>
public sealed class TeacherSlipTests : IDisposable
{
    private readonly CommandsHarness _bot = new();
    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("/建议 查询 1", "0001")]
    [InlineData("/建议 查询 2", "0002")]
    [InlineData("/建议 查询 0002", "0002")]
    [InlineData("/建议 查询 #2", "0002")]
    public void AReceiptNumberAloneIsAQueryNotANewSuggestion(string text, string sequence) =>
        Assert.Equal(new SuggestionQuery(sequence), CommandParser.Parse(text));

    [Fact]
    public void AReplyToANumberAloneIsAReply() =>
        Assert.Equal(new SuggestionReply("0003", "已安排"), CommandParser.Parse("/建议 回复 3 已安排"));

    [Fact]
    public async Task ANumberAloneFindsTheReceiptOfThisYearAndFilesNothing()
    {
        await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动");

        var reply = await _bot.Say("teacher-li", "/建议 查询 1");

        Assert.Contains("**建议 JY-2026-0001**", reply);
        Assert.Equal([1L], await _bot.Query<long>("SELECT COUNT(*) FROM suggestions"));
    }

    [Fact]
    public async Task ADeadlineThatAlreadyPassedThisYearIsRefusedNotMovedToNextYear()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero)); // 3 December, 10:00 in Shanghai

        var reply = await _bot.Say(CommandsHarness.Admin, "/发起报名 教工合唱排练 名额3 截止12月1日");

        Assert.Contains("12月1日 已经过了", reply);
        Assert.Empty(await _bot.Query<string>("SELECT activity FROM signups"));
        Assert.DoesNotContain("报名成功", await _bot.Say("teacher-li", "/报名 教工合唱排练"));
    }

    [Fact]
    public async Task ADeadlineEarlyNextYearIsAcceptedInDecember()
    {
        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero));

        Assert.Contains("1月10日 截止", await _bot.Say(CommandsHarness.Admin, "/发起报名 迎新年长跑 截止1月10日"));
        Assert.Equal(["2027-01-10T16:00:00.000Z"], await _bot.Query<string>("SELECT deadline FROM signups")); // the end of 10 January in Shanghai
    }

    public static TheoryData<string, Command> TraditionalForms => new()
    {
        { "/報名 乒乓球赛", new SignUp("乒乓球赛") },
        { "/幫助", new Help() },
        { "/計劃 3月", new Command.Plan(3) },
        { "/計畫", new Command.Plan(null) },
        { "/取消報名 乒乓球赛", new CancelSignUp("乒乓球赛") },
        { "/名單 乒乓球赛", new ListSignUps("乒乓球赛") },
        { "/發起報名 乒乓球赛 名額20", new OpenSignUp("乒乓球赛", 20, null) },
        { "/結束報名 乒乓球赛", new CloseSignUp("乒乓球赛") },
        { "/建議 希望增加羽毛球活動", new Suggest(false, "希望增加羽毛球活動") },
        { "/結果 3", new PollResult(3) },
        { "/結束投票 3", new ClosePoll(3) },
        { "/菜單", new Help() },
    };

    [Theory]
    [MemberData(nameof(TraditionalForms))]
    public void EveryCommandIsUnderstoodInTraditionalCharacters(string text, Command expected) =>
        Assert.Equal(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("/报明 乒乓球赛", "/报名")]
    [InlineData("/报明乒乓球赛", "/报名")]
    [InlineData("/幫住", "/帮助")]
    [InlineData("/结束报明 乒乓球赛", "/结束报名")]
    [InlineData("/hepl", "/help")]
    [InlineData("/sigup 乒乓球赛", "/signup")]
    public void ATypoGetsTheNearestCommandSuggested(string text, string suggestion)
    {
        var unknown = Assert.IsType<Unknown>(CommandParser.Parse(text));
        Assert.Contains($"你是不是想输入 {suggestion}", unknown.Hint);
    }

    [Theory]
    [InlineData("/你好")]
    [InlineData("/天气 明天")]
    [InlineData("/x")]
    public void SomethingFarFromEveryCommandGetsNoGuess(string text)
    {
        var unknown = Assert.IsType<Unknown>(CommandParser.Parse(text));
        Assert.DoesNotContain("你是不是想输入", unknown.Hint);
        Assert.Contains("没有这个命令", unknown.Hint);
    }
}
