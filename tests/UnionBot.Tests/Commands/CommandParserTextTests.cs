using UnionBot.Core.Commands;
using static UnionBot.Core.Commands.Command;

namespace UnionBot.Tests.Commands;

/// <summary>Suggestions, polls, announcements and the edges: unknown input, empty input, over-long input.</summary>
public sealed class CommandParserTextTests
{
    [Theory]
    [InlineData("/建议 希望增加羽毛球活动", false, "希望增加羽毛球活动")]
    [InlineData("/suggest 希望增加羽毛球活动", false, "希望增加羽毛球活动")]
    [InlineData("/建议希望增加羽毛球活动。", false, "希望增加羽毛球活动。")]
    [InlineData("/建议 匿名 食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/建议 [匿名] 食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/建议 【匿名】食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/建议 （匿名）食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/建议 匿名：食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/建议匿名 食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/suggest anonymous 食堂的菜太咸了", true, "食堂的菜太咸了")]
    [InlineData("/建议 查询一下食堂的价格", false, "查询一下食堂的价格")]
    [InlineData("/建议 列表里的活动太少", false, "列表里的活动太少")]
    [InlineData("/建议 第一行\n第二行", false, "第一行\n第二行")]
    [InlineData("/建议 '); DROP TABLE suggestions;--", false, "'); DROP TABLE suggestions;--")]
    public void SuggestKeepsTheTextAsTypedAndNotesAnonymity(string text, bool anonymous, string content) =>
        Assert.Equal(new Suggest(anonymous, content), CommandParser.Parse(text));

    [Theory]
    [InlineData("/建议 查询 JY-2026-0007")]
    [InlineData("/建议 查询JY-2026-0007")]
    [InlineData("/建议 查询 jy-2026-7")]
    [InlineData("/建议 查询 JY2026-0007。")]
    [InlineData("／建议　查询　ＪＹ－２０２６－０００７")]
    [InlineData("/suggest query JY-2026-0007")]
    [InlineData("/suggest status JY-2026-0007")]
    public void SuggestionQueryNormalisesTheReceipt(string text) =>
        Assert.Equal(new SuggestionQuery("JY-2026-0007"), CommandParser.Parse(text));

    [Theory]
    [InlineData("/建议 列表")]
    [InlineData("/suggest list")]
    [InlineData("/建议 列表。")]
    public void SuggestionListIsRecognised(string text) => Assert.Equal(new SuggestionList(), CommandParser.Parse(text));

    [Theory]
    [InlineData("/建议 回复 JY-2026-0007 已安排，下月起增加羽毛球活动。", "已安排，下月起增加羽毛球活动。")]
    [InlineData("/建议 回复 JY-2026-0007：已安排", "已安排")]
    [InlineData("/suggest reply JY-2026-0007 done", "done")]
    public void SuggestionReplyTakesReceiptAndText(string text, string reply) =>
        Assert.Equal(new SuggestionReply("JY-2026-0007", reply), CommandParser.Parse(text));

    [Theory]
    [InlineData("/建议")]
    [InlineData("/建议 匿名")]
    [InlineData("/建议 查询")]
    [InlineData("/建议 回复 JY-2026-0007")]
    [InlineData("/建议 回复")]
    [InlineData("/建议 查询 JY-2026-00O7")]
    [InlineData("/建议 查询 JY-2026-99999999999")]
    public void SuggestionWithoutItsArgumentGetsAHint(string text) => Assert.IsType<Unknown>(CommandParser.Parse(text));

    public static TheoryData<string, CreatePoll> PollForms => new()
    {
        { "/投票 周五活动去哪？ 选项：A、B、C", new("周五活动去哪？", ["A", "B", "C"], false, false) },
        { "/poll 周五活动去哪？ 选项：A、B、C", new("周五活动去哪？", ["A", "B", "C"], false, false) },
        { "/投票 周五活动去哪？ 选项:A,B,C", new("周五活动去哪？", ["A", "B", "C"], false, false) },
        { "/投票 周五活动去哪 选项：爬山，看电影，聚餐", new("周五活动去哪", ["爬山", "看电影", "聚餐"], false, false) },
        { "/投票 周五活动去哪？ 选项：爬山|看电影｜聚餐", new("周五活动去哪？", ["爬山", "看电影", "聚餐"], false, false) },
        { "/投票 周五活动去哪？ 选项：爬山 看电影 聚餐", new("周五活动去哪？", ["爬山", "看电影", "聚餐"], false, false) },
        { "/投票 周五活动去哪？ 选项：A、B、C 多选", new("周五活动去哪？", ["A", "B", "C"], true, false) },
        { "/投票 周五活动去哪？ 选项：A、B、C 匿名", new("周五活动去哪？", ["A", "B", "C"], false, true) },
        { "/投票 周五活动去哪？ 选项：A、B、C 多选 匿名", new("周五活动去哪？", ["A", "B", "C"], true, true) },
        { "/投票 周五活动去哪？ 选项：A、B、C [多选] [匿名]", new("周五活动去哪？", ["A", "B", "C"], true, true) },
        { "/投票 周五活动去哪？ 选项：A、B、C【多选】【匿名】", new("周五活动去哪？", ["A", "B", "C"], true, true) },
        { "/投票 匿名 多选 周五活动去哪？ 选项：A、B、C", new("周五活动去哪？", ["A", "B", "C"], true, true) },
        { "/投票 投票方式？ 选项：实名、匿名", new("投票方式？", ["实名", "匿名"], false, false) },
        { "/投票 周五活动去哪？ 选项：A、B、C。", new("周五活动去哪？", ["A", "B", "C"], false, false) },
        { "/投票 周五活动去哪？爬山、看电影", new("周五活动去哪？", ["爬山", "看电影"], false, false) },
        { "／投票　周五活动去哪？　选项：周五 晚上、周六 上午", new("周五活动去哪？", ["周五 晚上", "周六 上午"], false, false) },
    };

    [Theory]
    [MemberData(nameof(PollForms))]
    public void CreatePollReadsQuestionOptionsAndFlags(string text, CreatePoll expected) => Assert.Equal(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("/投票")]
    [InlineData("/投票 周五活动去哪")]
    [InlineData("/投票 选项：A、B")]
    [InlineData("/投票 周五活动去哪？ 选项：A")]
    [InlineData("/投票 周五活动去哪？ 选项：A、A")]
    public void CreatePollWithoutAQuestionOrTwoDistinctOptionsGetsAHint(string text) => Assert.IsType<Unknown>(CommandParser.Parse(text));

    [Theory]
    [InlineData("/投 3 2", 3, new[] { 2 })]
    [InlineData("/vote 3 2", 3, new[] { 2 })]
    [InlineData("/投3 2", 3, new[] { 2 })]
    [InlineData("/投 #3 1 2", 3, new[] { 1, 2 })]
    [InlineData("/投 3 1、2", 3, new[] { 1, 2 })]
    [InlineData("/投 3 1,2,2", 3, new[] { 1, 2 })]
    [InlineData("／投　３　１，２。", 3, new[] { 1, 2 })]
    [InlineData("/投 3 12", 3, new[] { 12 })]
    public void VoteReadsPollNumberAndChoices(string text, int poll, int[] choices) =>
        Assert.Equal(new Vote(poll, choices), CommandParser.Parse(text));

    [Theory]
    [InlineData("/投")]
    [InlineData("/投 3")]
    [InlineData("/投 三 二")]
    public void VoteWithoutPollOrChoiceGetsAHint(string text) => Assert.IsType<Unknown>(CommandParser.Parse(text));

    [Theory]
    [InlineData("/结果 3", 3)]
    [InlineData("/result 3", 3)]
    [InlineData("/结果3", 3)]
    [InlineData("/结果 #3。", 3)]
    [InlineData("/结果", null)]
    public void PollResultTakesAnOptionalNumber(string text, int? poll) => Assert.Equal(new PollResult(poll), CommandParser.Parse(text));

    [Theory]
    [InlineData("/结束投票 3")]
    [InlineData("/closepoll 3")]
    [InlineData("/endpoll #3")]
    [InlineData("／结束投票　３号")]
    public void ClosePollIsRecognised(string text) => Assert.Equal(new ClosePoll(3), CommandParser.Parse(text));

    [Theory]
    [InlineData("/公告 周五下午三点开教代会", "周五下午三点开教代会")]
    [InlineData("/announce 周五下午三点开教代会", "周五下午三点开教代会")]
    [InlineData("@工会助手 ／公告　# 标题\n[链接](http://x) @all", "# 标题\n[链接](http://x) @all")]
    public void AnnounceKeepsTheTextVerbatim(string text, string content) => Assert.Equal(new Announce(content), CommandParser.Parse(text));

    [Theory]
    [InlineData("/公告")]
    [InlineData("/结束投票")]
    [InlineData("/结果 三")]
    public void CommandsMissingTheirArgumentGetAHint(string text) => Assert.IsType<Unknown>(CommandParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("@工会助手")]
    [InlineData("@工会助手 你好")]
    [InlineData("/xyz")]
    [InlineData("/listing")]
    [InlineData("建议大家早点到")]
    [InlineData("/")]
    [InlineData("＠工会助手　")]
    public void AnythingElseGetsAShortHintNotSilence(string? text)
    {
        var unknown = Assert.IsType<Unknown>(CommandParser.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(unknown.Hint));
    }

    [Fact]
    public void InputOverTwoThousandCharactersIsTooLong()
    {
        Assert.Equal(new TooLong(2001), CommandParser.Parse("/建议 " + new string('长', 1997)));
        Assert.IsType<Suggest>(CommandParser.Parse("/建议 " + new string('长', 1996)));
    }
}

/// <summary>Whatever arrives, the parser answers with a command: random mixes of the characters that matter never throw.</summary>
public sealed class CommandParserRobustnessTests
{
    private const string Alphabet = "/／@＠ 　\u2005\n\r\t报名取消建议查询回复列表投票选项多选匿名结果结束发起名额截止月日号0123456789０１２JYjy-:：,，、|｜[]【】()（）#*`<>?？。！.!'\"\\😀\u200B";

    [Fact]
    public void TenThousandRandomMessagesNeverThrow()
    {
        var random = new Random(20260310);
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(0, 40);
            var text = new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            if (random.Next(2) == 0) text = "/" + text;
            var command = CommandParser.Parse(text);
            Assert.NotNull(command);
        }
    }

    [Theory]
    [InlineData("/投 99999999999999999999 1")]
    [InlineData("/结果 99999999999")]
    [InlineData("/发起报名 乒乓球赛 名额99999999999")]
    [InlineData("/计划 99999999999月")]
    public void HugeNumbersGetAHintNotAnException(string text) => Assert.IsType<Command.Unknown>(CommandParser.Parse(text));
}
