using UnionBot.Core.Text;
using UnionBot.Core.Commands;

namespace UnionBot.Tests.Commands;

public sealed class AnnouncePlanAndHelpTests : IDisposable
{
    private readonly CommandsHarness _bot = new();
    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task AnAdminAnnouncementGoesThroughTheOutboxToEveryChannelEscapedAndAudited()
    {
        var reply = await _bot.Say(CommandsHarness.Admin, "/公告 周五下午三点开教代会 @all [报名](http://x)\n请准时");

        Assert.Contains("公告已提交", reply);
        var (key, message, channel) = Assert.Single(_bot.Outbox.Posts);
        Assert.Null(channel);
        Assert.StartsWith("announce:wecom-all:msg-", key);
        Assert.Contains("周五下午三点开教代会 ＠all ［报名］(http://x)  \n请准时", message.Markdown);
        var audit = Assert.Single(await _bot.Query<(string UserId, string Action)>("SELECT user_id, action FROM audit_log"));
        Assert.Equal(("chair-userid", "announce"), audit);
    }

    [Fact]
    public async Task AnyoneElseIsRefusedPolitelyAndNothingIsPosted()
    {
        Assert.Contains("公告只能由工会管理员发布", await _bot.Say("teacher-li", "/announce 明天放假"));
        Assert.Empty(_bot.Outbox.Posts);
        Assert.Empty(await _bot.Query<string>("SELECT action FROM audit_log"));
    }

    [Fact]
    public async Task ThisMonthListsThePlanAndOpenSignUpsOfTheMonthInTheConfiguredZone()
    {
        await _bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额16");
        await _bot.Say("teacher-li", "/报名 乒乓球赛");

        var march = await _bot.Say("teacher-li", "/本月");
        Assert.Contains("**3月工会活动**", march);
        Assert.Contains("1. 举办教职工乒乓球赛\n2. 举办教职工羽毛球赛", march);
        Assert.Contains("- 举办教职工乒乓球赛（1/16 人）", march);
        Assert.DoesNotContain("教职工乒乓球友谊赛", march);

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero)); // 4月1日 00:30 in Shanghai
        var april = await _bot.Say("teacher-li", "/month");
        Assert.Contains("**4月工会活动**", april);
        Assert.Contains("1. 教职工乒乓球友谊赛", april);
    }

    [Fact]
    public async Task PlanShowsTheWholeYearOrOneMonth()
    {
        var year = await _bot.Say("teacher-li", "/计划");
        Assert.Contains("**2026年学校工会工作计划**", year);
        Assert.Contains("**3月**\n- 举办教职工乒乓球赛", year);
        Assert.Contains("**5月**\n- 教职工趣味运动会", year);

        Assert.Contains("**5月工作计划**\n\n1. 教职工趣味运动会", await _bot.Say("teacher-li", "/plan 五月"));
        Assert.Contains("计划里 7月 没有安排活动", await _bot.Say("teacher-li", "/计划 7月"));
    }

    [Fact]
    public async Task HelpListsEveryCommandWithItsAliasAndAdminsAlsoSeeTheirs()
    {
        var help = await _bot.Say("teacher-li", "/帮助");
        foreach (var word in new[] { "/本月", "/month", "/计划", "/plan", "/报名", "/signup", "/取消报名", "/cancel", "/名单", "/list",
                     "/建议", "/suggest", "/投票", "/poll", "/投 ", "/vote", "/结果", "/result", "/结束投票", "/closepoll", "/我的ID", "/whoami" })
            Assert.Contains(word, help);
        Assert.DoesNotContain("/公告", help);

        var admin = await _bot.Say(CommandsHarness.Admin, "/help");
        foreach (var word in new[] { "/发起报名", "/open", "/结束报名", "/close", "/公告", "/announce", "/建议 列表" }) Assert.Contains(word, admin);
    }

    [Fact]
    public async Task InputOverTwoThousandCharactersIsRefusedAndNothingIsStored()
    {
        var reply = await _bot.Say("teacher-li", "/建议 " + new string('长', 2100));

        Assert.Contains("消息太长了（2104 字），请控制在 2000 字以内", reply);
        Assert.Empty(await _bot.Query<string>("SELECT receipt FROM suggestions"));
    }

    [Fact]
    public async Task UnknownInputGetsAShortHint()
    {
        Assert.Contains("发 /帮助", await _bot.Say("teacher-li", "/随便说说"));
        Assert.Contains("命令以 / 开头", await _bot.Say("teacher-li", "@工会助手 你好"));
    }

    [Fact]
    public async Task AHandlerFailureBecomesAPoliteReplyWithAnErrorIdAndOneLogLine()
    {
        await _bot.Query<int>("DROP TABLE suggestions"); // a database broken under the bot's feet

        var reply = await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动");

        Assert.Contains("抱歉，我这边出了点问题", reply);
        Assert.Single(_bot.Logs.Lines, l => l.StartsWith("Error: Command failed on channel wecom-all, message msg-"));
    }

    [Theory]
    [InlineData("# 标题", "＃ 标题")]
    [InlineData("[x](http://y)", "［x］(http://y)")]
    [InlineData("<@teacher-li>", "＜＠teacher-li＞")]
    [InlineData("@all", "＠all")]
    [InlineData("**粗**_斜_`码`", "＊＊粗＊＊＿斜＿｀码｀")]
    [InlineData("> 引用", "＞ 引用")]
    [InlineData("<font color=\"warning\">红</font>", "＜font color=\"warning\"＞红＜/font＞")]
    [InlineData("普通的话，没有符号。", "普通的话，没有符号。")]
    public void MarkdownEscapingLeavesNothingThatRenders(string text, string escaped) => Assert.Equal(escaped, Markdown.Escape(text));
}
