using UnionBot.Core.Announcements;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

/// <summary>Downtime, crashes and plan edits: Schedule:CatchUp, the sending-state recovery, backlog digests and re-sync.</summary>
public sealed class DeliveryRecoveryTests
{
    private static readonly DateTime QuietDay = new(2026, 1, 10, 9, 0, 0);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task AfterDowntimeRowsLateByLessThanCatchUpAreSentAndOlderOnesSkipped()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        await bot.StopBotAsync();

        // Down from 10 January until 11 hours after the March notice (2 March 08:30); February's is four weeks late.
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 19, 30, 0, Shanghai));
        await bot.StartBotAsync();
        await bot.SettleAsync();

        var rows = await bot.RowsAsync();
        Assert.All(rows.Where(r => r.SourceKey == "monthly:2026-02"), r =>
        {
            Assert.Equal(OutboxState.Skipped, r.State);
            Assert.Contains("CatchUp", r.LastError);
        });
        Assert.All(rows.Where(r => r.SourceKey == "monthly:2026-03"), r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.Contains("三月份", Assert.Single(bot.WeCom.Accepted).Content);
        Assert.Contains("三月份", Assert.Single(bot.DingTalk.Accepted).Content);
    }

    [Fact]
    public async Task ARowLeftSendingByACrashIsSentAgainAndAnAcknowledgedRowNever()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        await bot.StopBotAsync();
        // What kill -9 leaves behind: one row claimed but not recorded, one recorded as sent the moment before.
        await bot.ExecuteSqlAsync("UPDATE outbox SET state = 'sending', attempts = 1 WHERE key = 'monthly:2026-02:wecom-all'");
        await bot.ExecuteSqlAsync("UPDATE outbox SET state = 'sent', attempts = 1, sent_at = due_at WHERE key = 'monthly:2026-02:ding-union'");

        bot.Time.SetUtcNow(new DateTimeOffset(2026, 2, 2, 8, 31, 0, Shanghai));
        await bot.StartBotAsync();
        await bot.SettleAsync();

        var rows = await bot.RowsAsync();
        var wecom = rows.Single(r => r.Key == "monthly:2026-02:wecom-all");
        Assert.Equal(OutboxState.Sent, wecom.State);
        Assert.Equal(2, wecom.Attempts);
        Assert.Single(bot.WeCom.Accepted);
        Assert.Empty(bot.DingTalk.Received);
    }

    [Fact]
    public async Task ABacklogOfOneKindIsMergedIntoOneDigestPerChannel()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay, new Dictionary<string, string?> { ["UnionBot:Schedule:CatchUp"] = "31.00:00:00" });
        await bot.StartBotAsync();
        await bot.StopBotAsync();

        // Down until 1 July 09:00: June's and July's notices, the 七一 reminder and greeting are all inside CatchUp.
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 7, 1, 9, 0, 0, Shanghai));
        await bot.StartBotAsync();
        await bot.SettleAsync();

        var contents = bot.WeCom.Accepted.Select(a => a.Content!).ToList();
        Assert.Equal(3, contents.Count); // the monthly digest, the reminder, the greeting
        var digest = Assert.Single(contents, c => c.Contains("补发通知（2条）"));
        Assert.True(digest.IndexOf("六月份", StringComparison.Ordinal) < digest.IndexOf("七月份", StringComparison.Ordinal));
        Assert.Equal(3, bot.DingTalk.Accepted.Count);
        var monthly = (await bot.RowsAsync()).Where(r => r.SourceKey is "monthly:2026-06" or "monthly:2026-07").ToList();
        Assert.Equal(6, monthly.Count);
        Assert.All(monthly, r => Assert.Equal(OutboxState.Sent, r.State));
    }

    [Fact]
    public async Task APlanThatCannotBeReadAtRestartLeavesThePendingRowsAsTheyWere()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        await bot.StopBotAsync();
        await File.WriteAllBytesAsync(bot.PlanPath, [0x00, 0x01, 0xFF, 0x00]);

        await bot.StartBotAsync();
        await bot.SettleAsync();

        Assert.All(await bot.RowsAsync(), r => Assert.Equal(OutboxState.Pending, r.State));
    }

    [Fact]
    public async Task EditingThePlanUpdatesUnsentRowsCancelsRemovedOnesAndLeavesSentOnesAlone()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        await bot.RunUntilAsync(new DateTimeOffset(2026, 2, 3, 0, 0, 0, Shanghai)); // February's notice is sent
        var before = await bot.RowsAsync();

        var plan = await File.ReadAllTextAsync(bot.PlanPath);
        plan = plan.Replace("1.庆祝\"五一\"国际劳动节。\n", "").Replace("教师趣味运动会", "教职工趣味运动会").Replace("讨论制定工会工作计划", "讨论并制定工会工作计划");
        await File.WriteAllTextAsync(bot.PlanPath, plan);
        await Eventually.TrueAsync(async () => (await bot.RowsAsync()).Any(r => r.Text.Contains("教职工趣味运动会")), "the watcher re-synced the plan");

        var after = await bot.RowsAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.All(after.Where(r => r.SourceKey == "monthly:2026-02"), r =>
        {
            Assert.Equal(OutboxState.Sent, r.State);
            Assert.DoesNotContain("讨论并制定", r.Text); // sent rows are never touched
        });
        Assert.All(after.Where(r => r.SourceKey.Contains("labour-day")), r =>
        {
            Assert.Equal(OutboxState.Skipped, r.State);
            Assert.Equal(OutboxStore.RemovedFromPlan, r.LastError);
        });
        Assert.All(after.Where(r => r.SourceKey == "monthly:2026-10"), r =>
        {
            Assert.Equal(OutboxState.Pending, r.State);
            Assert.Contains("教职工趣味运动会", r.Text);
        });
        Assert.Contains(after, r => r.SourceKey.Contains("labour-day"));
    }
}

public sealed class MonthlyNoticeCatchUpTests
{
    [Fact]
    public async Task ABotFirstStartedOnTheSecondOfTheMonthStillPostsThatMonthsNoticeButNotLastMonths()
    {
        // A fresh database, first start at 10:00 on 2 December: the notice was due at 08:30 on 1 December (26 h ago,
        // more than the 12 h of Schedule:CatchUp), but December has not ended, so it is still worth sending.
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 12, 2, 10, 0, 0));
        await bot.StartBotAsync();
        await bot.SettleAsync();

        var rows = await bot.RowsAsync();
        Assert.All(rows.Where(r => r.SourceKey == "monthly:2026-12"), r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.All(rows.Where(r => r.SourceKey == "monthly:2026-11"), r => Assert.True(r.State == OutboxState.Skipped, $"{r.Key} {r.State} {r.DueAt} {r.SentAt} {r.LastError} {bot.Time.GetUtcNow():o}"));
        Assert.Contains("十二月", Assert.Single(bot.WeCom.Accepted).Content);
    }

    [Fact]
    public async Task AMonthlyNoticePostedAfterItsDueDaySaysInItsTextThatItIsLateAndWhenItWasDue()
    {
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 12, 2, 10, 0, 0));
        await bot.StartBotAsync();
        await bot.SettleAsync();

        var wecom = Assert.Single(bot.WeCom.Accepted).Content;
        var ding = Assert.Single(bot.DingTalk.Accepted).Content;
        foreach (var text in new[] { wecom, ding })
        {
            Assert.StartsWith("### 十二月份", text); // the heading stays first: DingTalk shows the title, WeCom the first line
            Assert.Contains("补发", text);
            Assert.Contains("原定 12月1日", text);
        }
    }

    [Fact]
    public async Task AMonthlyNoticePostedOnItsDueDayIsNotMarkedLate()
    {
        // Ten hours after 08:30 on 1 December, within Schedule:CatchUp and on the due day itself.
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 12, 1, 18, 30, 0));
        await bot.StartBotAsync();
        await bot.SettleAsync();

        var text = Assert.Single(bot.WeCom.Accepted).Content;
        Assert.Contains("十二月", text);
        Assert.DoesNotContain("补发", text);
    }
}
