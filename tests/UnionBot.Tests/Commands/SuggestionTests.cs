namespace UnionBot.Tests.Commands;

public sealed class SuggestionTests : IDisposable
{
    private readonly CommandsHarness _bot = new();
    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task ReceiptsAreNumberedPerYearOfTheConfiguredZone()
    {
        Assert.Contains("回执编号 **JY-2026-0001**", await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动"));
        Assert.Contains("回执编号 **JY-2026-0002**", await _bot.Say("teacher-zhang", "/建议 匿名 食堂的菜太咸了"));

        _bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 2027-01-01 00:30 in Shanghai
        Assert.Contains("回执编号 **JY-2027-0001**", await _bot.Say("teacher-li", "/建议 新年快乐"));
    }

    [Fact]
    public async Task AnAnonymousSuggestionLeavesTheUserIdNeitherInTheDatabaseNorInTheLog()
    {
        const string secretUser = "teacher-whistleblower-42";
        var reply = await _bot.Say(secretUser, "/建议 匿名 食堂的菜太咸了", nick: "吴老师");

        Assert.Contains("匿名建议，没有记录你的身份", reply);
        Assert.Equal([null], await _bot.Query<string?>("SELECT user_id FROM suggestions"));
        foreach (var table in await _bot.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'"))
        {
            var rows = await _bot.Query<dynamic>($"SELECT * FROM \"{table}\"");
            var text = string.Join("|", rows.SelectMany(r => ((IDictionary<string, object?>)r).Values.Select(v => v?.ToString())));
            Assert.DoesNotContain(secretUser, text);
            Assert.DoesNotContain("吴老师", text);
        }
        Assert.NotEmpty(_bot.Logs.Lines);
        Assert.All(_bot.Logs.Lines, line => Assert.DoesNotContain(secretUser, line));
    }

    [Fact]
    public async Task ANamedSuggestionKeepsWhoMadeIt()
    {
        await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动");

        Assert.Equal(["teacher-li"], await _bot.Query<string?>("SELECT user_id FROM suggestions"));
    }

    [Fact]
    public async Task QueryShowsTheStatusThenTheReplyOnceAnswered()
    {
        await _bot.Say("teacher-li", "/建议 匿名 希望增加羽毛球活动");

        var waiting = await _bot.Say("teacher-zhang", "/建议 查询 JY-2026-1");
        Assert.Contains("**建议 JY-2026-0001**（3月10日）", waiting);
        Assert.Contains("状态：已收到，等待工会回复", waiting);

        await _bot.Say(CommandsHarness.Admin, "/建议 回复 JY-2026-0001 下月起每周三开放羽毛球馆。");
        var answered = await _bot.Say("teacher-li", "/建议 查询 JY-2026-0001");
        Assert.Contains("状态：已回复", answered);
        Assert.Contains("下月起每周三开放羽毛球馆。", answered);
    }

    [Fact]
    public async Task TheSuggestionTextIsShownOnlyToItsNamedAuthorAndAdminsNotToWhoeverGuessesAReceipt()
    {
        await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动");
        await _bot.Say("teacher-li", "/建议 匿名 食堂的菜太咸了");

        Assert.Contains("希望增加羽毛球活动", await _bot.Say("teacher-li", "/建议 查询 JY-2026-0001"));
        Assert.Contains("希望增加羽毛球活动", await _bot.Say(CommandsHarness.Admin, "/建议 查询 JY-2026-0001"));
        Assert.Contains("食堂的菜太咸了", await _bot.Say(CommandsHarness.Admin, "/建议 查询 JY-2026-0002"));
        var guessed = await _bot.Say("teacher-zhang", "/建议 查询 JY-2026-0001");
        Assert.DoesNotContain("羽毛球", guessed);
        Assert.Contains("建议内容只对署名提建议的老师和工会管理员显示", guessed);
        Assert.DoesNotContain("太咸", await _bot.Say("teacher-zhang", "/建议 查询 JY-2026-0002"));
    }

    [Fact]
    public async Task AnAdminReplyIsPostedToTheGroupOfTheSuggestionNamingOnlyTheReceipt()
    {
        await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动", nick: "小李", channel: "ding-union");

        var reply = await _bot.Say(CommandsHarness.Admin, "/建议 回复 JY-2026-0001 已安排");

        Assert.Contains("已回复建议 JY-2026-0001", reply);
        var (key, message, channel) = Assert.Single(_bot.Outbox.Posts);
        Assert.Equal("ding-union", channel);
        Assert.StartsWith("suggestion-reply:JY-2026-0001:", key);
        Assert.Contains("JY-2026-0001", message.Markdown);
        Assert.Contains("已安排", message.Markdown);
        foreach (var who in new[] { "teacher-li", "李老师", "小李", "希望增加羽毛球活动" }) Assert.DoesNotContain(who, message.Markdown);
        Assert.Empty(message.Mentions ?? []);
        Assert.Equal(["reply-suggestion"], await _bot.Query<string>("SELECT action FROM audit_log"));
    }

    [Fact]
    public async Task ListingAndReplyingAreForAdminsOnly()
    {
        await _bot.Say("teacher-li", "/建议 希望增加羽毛球活动");

        Assert.Contains("只有工会管理员可以查看", await _bot.Say("teacher-li", "/建议 列表"));
        Assert.Contains("只有工会管理员可以回复", await _bot.Say("teacher-li", "/建议 回复 JY-2026-0001 好的"));
        Assert.Empty(_bot.Outbox.Posts);
        Assert.Equal([null], await _bot.Query<string?>("SELECT reply FROM suggestions"));

        var list = await _bot.Say(CommandsHarness.Admin, "/建议 列表");
        Assert.Contains("JY-2026-0001 【待回复】 希望增加羽毛球活动", list);
        Assert.Equal(["list-suggestions"], await _bot.Query<string>("SELECT action FROM audit_log"));
    }

    [Fact]
    public async Task AnUnknownReceiptIsSaidToBeUnknown()
    {
        Assert.Contains("没有找到建议 JY-2026-0099", await _bot.Say("teacher-li", "/建议 查询 JY-2026-0099"));
        Assert.Contains("没有找到建议 JY-2026-0099", await _bot.Say(CommandsHarness.Admin, "/建议 回复 JY-2026-0099 好"));
        Assert.Empty(_bot.Outbox.Posts);
    }

    [Fact]
    public async Task TextThatLooksLikeSqlOrMarkdownIsStoredVerbatimAndShownInert()
    {
        const string text = "'); DROP TABLE suggestions;-- # 标题 [点我](http://evil) <@all> @all **粗体**";
        await _bot.Say("teacher-li", "/建议 " + text);

        Assert.Equal([text], await _bot.Query<string>("SELECT text FROM suggestions"));
        var shown = await _bot.Say(CommandsHarness.Admin, "/建议 查询 JY-2026-0001");
        Assert.Contains("'); DROP TABLE suggestions;--", shown);
        foreach (var forged in new[] { "# 标题", "[点我](", "<@all>", " @all", "**粗体**" }) Assert.DoesNotContain(forged, shown);
        Assert.Contains("＃ 标题 ［点我］(http://evil) ＜＠all＞ ＠all ＊＊粗体＊＊", shown);
    }
}
