namespace UnionBot.Tests.Hosting;

/// <summary>The start-up summary as the IT teacher sees it: the console of a real bot process, before it listens.</summary>
public sealed class StartupSummaryProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // a cold start on a machine shared with other builds

    [Fact]
    public async Task TheFirstLinesOfTheConsoleSayWhatTheBotWillDoAndNameMissingKeysWithoutShowingSecrets()
    {
        using var bot = BotProcess.Start(null,
            "--UnionBot:Database=Data Source=data/unionbot.db",
            $"--UnionBot:Plan:Year={DateTime.UtcNow.Year + 1}", // a year still ahead: three announcements to come whatever today is
            "--UnionBot:Channels:0:Id=wecom-all", "--UnionBot:Channels:0:Name=全体教职工群", "--UnionBot:Channels:0:Platform=WeCom",
            "--UnionBot:Channels:0:WebhookKey=group-robot-key-value");

        await bot.ListeningAsync(Patience);

        var messages = bot.Lines.Where(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        var start = messages.FindIndex(m => m.StartsWith("工会助手启动：", StringComparison.Ordinal));
        Assert.True(start >= 0, string.Join('\n', bot.Lines));
        // Before it only the database's first migration, the plan's read line and, for a year the shipped holiday
        // tables do not cover yet, the one warning that its notices skip weekends only.
        Assert.All(messages.Take(start), m => Assert.Matches("^(Database migrated|Annual plan |No holiday table for )", m));
        Assert.StartsWith("计划：", messages[start + 1]);
        Assert.Contains("项活动", messages[start + 1]);
        Assert.Equal("接下来的 3 条通知（发到：全体教职工群、本地频道）：", messages[start + 2]);
        Assert.All(messages.Skip(start + 3).Take(3), m => Assert.Matches(@"^\d{4}-\d\d-\d\d 周. \d\d:\d\d .+「.+」$", m));
        Assert.Equal("群「全体教职工群」（wecom-all，企业微信）：通知：会发到群里（群机器人 Webhook）；命令：缺少 Token、EncodingAesKey，群里的命令收不到",
            messages[start + 6]);
        Assert.Equal("群「工会委员群」（ding-union，钉钉）：通知：缺少 AccessToken，通知不会发到这个群；命令：缺少 AppSecret，群里的命令收不到", messages[start + 7]);
        Assert.DoesNotContain(bot.Lines, l => l.Contains("group-robot-key-value"));
    }
}
