using UnionBot.Core.Polls;

namespace UnionBot.Tests.Commands;

public sealed class PollTests : IDisposable
{
    private readonly CommandsHarness _bot = new();
    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task CreatingAPollGivesItANumberAndShowsTheNumberedOptions()
    {
        var reply = await _bot.Say("teacher-li", "/投票 周五活动去哪？ 选项：爬山、看电影、聚餐");

        Assert.Contains("**投票 #1**：周五活动去哪？", reply);
        Assert.Contains("1. 爬山\n2. 看电影\n3. 聚餐", reply);
        Assert.Contains("/投 1 1", reply);
        Assert.Contains("**投票 #2**", await _bot.Say("teacher-li", "/poll 下次开会？ options: 周一, 周二"));
    }

    [Fact]
    public async Task VotingTwiceReplacesTheEarlierChoice()
    {
        await _bot.Say("teacher-li", "/投票 周五活动去哪？ 选项：爬山、看电影");
        Assert.Contains("已投票 #1：1. 爬山", await _bot.Say("teacher-zhang", "/投 1 1"));
        Assert.Contains("已改票 #1：2. 看电影", await _bot.Say("teacher-zhang", "/投 1 2"));

        var result = await _bot.Say("teacher-li", "/结果 1");

        Assert.Contains("共 1 人投票", result);
        Assert.Contains("1. 爬山  \n0 票 0%", result);
        Assert.Contains("2. 看电影  \n██████████ 1 票 100%", result);
    }

    [Fact]
    public async Task AMultipleChoicePollCountsEveryChoiceAgainstTheNumberOfVoters()
    {
        await _bot.Say("teacher-li", "/投票 想参加哪些？ 选项：A、B、C、D 多选");
        var voters = new[] { ("u1", "1 2"), ("u2", "1"), ("u3", "1 3"), ("u4", "2"), ("u5", "1") };
        foreach (var (user, choices) in voters) await _bot.Say(user, $"/投 1 {choices}");

        var result = await _bot.Say("teacher-li", "/结果");

        Assert.Contains("共 5 人投票 · 进行中 · 多选", result);
        Assert.Contains("\n████████ 4 票 80%", result);
        Assert.Contains("\n████ 2 票 40%", result);
        Assert.Contains("\n██ 1 票 20%", result);
        Assert.Contains("\n0 票 0%", result);
    }

    [Fact]
    public async Task ASingleChoicePollRefusesSeveralChoicesAndUnknownOptionNumbers()
    {
        await _bot.Say("teacher-li", "/投票 周五活动去哪？ 选项：爬山、看电影");

        Assert.Contains("是单选，请只选一个", await _bot.Say("teacher-zhang", "/投 1 1 2"));
        Assert.Contains("只有 1 到 2 号选项，没有 3 号", await _bot.Say("teacher-zhang", "/投 1 3"));
        Assert.Empty(await _bot.Query<string>("SELECT user_id FROM poll_voters"));
    }

    [Fact]
    public async Task AnAnonymousPollStoresWhoVotedButNeverWhoChoseWhat()
    {
        await _bot.Say("teacher-li", "/投票 食堂满意吗？ 选项：满意、一般、不满意 匿名");
        await _bot.Say("teacher-zhang", "/投 1 3");
        await _bot.Say("teacher-chen", "/投 1 1");

        Assert.Equal(["teacher-chen", "teacher-zhang"], await _bot.Query<string>("SELECT user_id FROM poll_voters ORDER BY user_id"));
        Assert.Empty(await _bot.Query<string>("SELECT user_id FROM poll_choices"));
        Assert.Equal(["", ""], await _bot.Query<string>("SELECT voted_at FROM poll_voters"));
        Assert.Equal([1L, 0L, 1L], await _bot.Query<long>("SELECT votes FROM poll_tallies ORDER BY number"));

        Assert.Contains("匿名投票，没有记录你选了什么，所以不能改票", await _bot.Say("teacher-zhang", "/投 1 2"));
        Assert.Equal([1L, 0L, 1L], await _bot.Query<long>("SELECT votes FROM poll_tallies ORDER BY number"));
    }

    [Fact]
    public async Task OnlyTheCreatorOrAnAdminClosesAPollAndAnAdminClosingIsAudited()
    {
        await _bot.Say("teacher-li", "/投票 A还是B？ 选项：A、B");
        await _bot.Say("teacher-li", "/投票 C还是D？ 选项：C、D");

        Assert.Contains("只有发起人或工会管理员可以结束投票 #1", await _bot.Say("teacher-zhang", "/结束投票 1"));
        Assert.Contains("投票 #1 已结束", await _bot.Say("teacher-li", "/结束投票 1"));
        Assert.Contains("投票 #2 已结束", await _bot.Say(CommandsHarness.Admin, "/closepoll 2"));

        Assert.Equal(["close-poll"], await _bot.Query<string>("SELECT action FROM audit_log"));
        Assert.Equal(["teacher-li", "chair-userid"], await _bot.Query<string>("SELECT closed_by FROM polls ORDER BY id"));
    }

    [Fact]
    public async Task VotesOnAClosedOrUnknownPollAreRefusedClearly()
    {
        await _bot.Say("teacher-li", "/投票 A还是B？ 选项：A、B");
        await _bot.Say("teacher-li", "/结束投票 1");

        Assert.Contains("投票 #1 已经结束了，不能再投", await _bot.Say("teacher-zhang", "/投 1 1"));
        Assert.Contains("没有找到投票 #9", await _bot.Say("teacher-zhang", "/投 9 1"));
        Assert.Contains("没有找到投票 #9", await _bot.Say("teacher-zhang", "/结果 9"));
        Assert.Empty(await _bot.Query<string>("SELECT user_id FROM poll_voters"));
        Assert.Contains("已结束", await _bot.Say("teacher-zhang", "/结果 1"));
    }

    [Theory]
    [InlineData(4, 10, "████ 4 票 40%")]
    [InlineData(0, 0, "0 票 0%")]
    [InlineData(1, 3, "███ 1 票 33%")]
    [InlineData(2, 3, "███████ 2 票 67%")]
    [InlineData(7, 7, "██████████ 7 票 100%")]
    public void TheBarShowsTheShareOfVoters(long votes, long voters, string bar) => Assert.Equal(bar, PollHandler.Bar(votes, voters));

    [Fact]
    public void EveryBarStartsTheLineAndIsOneGlyphRepeatedSoItsLengthIsTheShareInAnyFont()
    {
        // Two glyphs (▇ and ░) have different widths in proportional and fallback fonts: bars of equal length in cells
        // ended at different places. One glyph repeated from the line's start is as long as its count in any font.
        for (var votes = 0; votes <= 10; votes++)
        {
            var bar = PollHandler.Bar(votes, 10);
            var glyphs = bar.TakeWhile(c => c == '█').Count();
            Assert.Equal(votes, glyphs);
            Assert.StartsWith($"{votes} 票", bar[glyphs..].TrimStart());
            Assert.DoesNotContain("░", bar);
            Assert.DoesNotContain("▇", bar);
        }
    }
}
