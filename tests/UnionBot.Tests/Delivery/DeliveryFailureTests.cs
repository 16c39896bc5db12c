using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Announcements;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

/// <summary>What the platforms do wrong — throttling, flakiness, a removed robot — and what the outbox makes of it.</summary>
public sealed class DeliveryFailureTests
{
    // A quiet day of seed 000: nothing of the plan is due until February.
    private static readonly DateTime QuietDay = new(2026, 1, 10, 9, 0, 0);

    [Fact]
    public async Task ARateLimitedRobotPausesAtLeastAMinuteThenDeliversEveryMessageOnce()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        bot.WeCom.RateLimit = 5; // stricter than the real 20: another app shares this robot
        await bot.StartBotAsync();
        var status = bot.Services.GetRequiredService<DeliveryStatus>();

        for (var i = 1; i <= 12; i++)
            await bot.Outbox.EnqueueImmediateAsync($"announce:test-{i}", new($"通知{i}", $"第{i}条通知"), "wecom-all", default);
        for (var pause = 0; pause < 6 && bot.WeCom.Accepted.Count < 12; pause++)
        {
            DateTimeOffset until = default;
            await Eventually.TrueAsync(() => Task.FromResult(bot.WeCom.Accepted.Count == 12
                || (status.Paused.TryGetValue("wecom-all", out until) && until > bot.Time.GetUtcNow())), "the channel paused or finished");
            if (bot.WeCom.Accepted.Count < 12) bot.Time.SetUtcNow(until);
        }
        await bot.SettleAsync();

        var received = bot.WeCom.Received;
        var limited = received.Select((r, i) => (r, i)).Where(x => x.r.ErrCode == 45009).ToList();
        Assert.Equal(2, limited.Count); // 5 + 5 + 2: one 45009 per full window, then silence (no retry storm)
        Assert.All(limited, x => Assert.True(received[x.i + 1].At - x.r.At >= TimeSpan.FromSeconds(60)));
        var texts = bot.WeCom.Accepted.Select(a => a.Content).ToList();
        Assert.Equal(12, texts.Count);
        Assert.Equal(12, texts.Distinct().Count());
        Assert.All((await bot.RowsAsync()).Where(r => r.ChannelId == "wecom-all" && r.Kind == "announce"), r => Assert.Equal(OutboxState.Sent, r.State));
    }

    [Fact]
    public async Task ATransientFailureIsRetriedWithBackoffAndSentOnce()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        bot.DingTalk.FailNextWithHttp(502, times: 2);

        await bot.Outbox.EnqueueImmediateAsync("announce:flaky", new("通知", "明天下午开会"), "ding-union", default);
        await bot.DingTalk.WaitForReceivedAsync(1);
        await bot.AdvanceBetweenPostsAsync(TimeSpan.FromSeconds(1), () => Task.FromResult(bot.DingTalk.Accepted.Count > 0), "the third try was taken");
        await bot.SettleAsync();

        var row = Assert.Single(await bot.RowsAsync(), r => r.Key == "announce:flaky:ding-union");
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(3, row.Attempts);
        Assert.Equal(3, bot.DingTalk.Received.Count);
        Assert.Single(bot.DingTalk.Accepted);
    }

    [Fact]
    public async Task ARobotThatKeepsFailingIsGivenUpAfterTheBoundedAttempts()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        bot.WeCom.AnswerNext(-1, times: 50);

        await bot.Outbox.EnqueueImmediateAsync("announce:busy", new("通知", "系统繁忙测试"), "wecom-all", default);
        await bot.AdvanceBetweenPostsAsync(TimeSpan.FromSeconds(1),
            async () => (await bot.RowsAsync()).Single(r => r.Key == "announce:busy:wecom-all").State == OutboxState.Failed, "the row failed");

        var row = (await bot.RowsAsync()).Single(r => r.Key == "announce:busy:wecom-all");
        Assert.Equal(5, row.Attempts);
        Assert.Equal(-1, row.LastErrcode);
        Assert.Contains("gave up after 5 attempts", row.LastError);
        Assert.Equal(5, bot.WeCom.Received.Count);
    }

    [Fact]
    public async Task ARemovedWeComRobotFailsTheRowAtOnceAndHealthzNamesTheChannelWhileDingTalkCarriesOn()
    {
        await using var bot = await DeliveryHarness.CreateAsync(QuietDay);
        await bot.StartBotAsync();
        bot.WeCom.RemoveRobot(BotSetup.WebhookKey); // the fake now answers 93000

        await bot.Outbox.EnqueueImmediateAsync("announce:first", new("通知", "第一条"), null, default);
        await bot.SettleAsync("ding-union", "local");
        await Eventually.TrueAsync(async () => (await bot.RowsAsync()).Any(r => r.State == OutboxState.Failed), "the WeCom row failed");
        await bot.Outbox.EnqueueImmediateAsync("announce:second", new("通知", "第二条"), null, default);
        await bot.SettleAsync("ding-union", "local");
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        await bot.SettleAsync("ding-union", "local");

        var rows = await bot.RowsAsync();
        var failed = Assert.Single(rows, r => r.Key == "announce:first:wecom-all");
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(93000, failed.LastErrcode);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(OutboxState.Pending, rows.Single(r => r.Key == "announce:second:wecom-all").State); // kept for when it is fixed
        Assert.Single(bot.WeCom.Received); // no retry storm
        Assert.Equal(2, bot.DingTalk.Accepted.Count);

        using var client = bot.CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        var channels = health.GetProperty("checks").GetProperty("channels");
        Assert.Equal("degraded", channels.GetProperty("status").GetString());
        Assert.Contains("wecom-all", channels.GetProperty("description").GetString());
        Assert.Contains("webhook", channels.GetProperty("description").GetString());
    }
}
