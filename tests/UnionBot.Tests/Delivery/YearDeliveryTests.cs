using UnionBot.Core.Announcements;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

/// <summary>A year of seed 000 through the real host, Quartz and the senders, into a fake WeCom and a fake DingTalk robot.</summary>
public sealed class YearDeliveryTests
{
    private static readonly DateTimeOffset YearEnd = new(2027, 1, 2, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task EveryAnnouncementOfTheYearReachesEachRobotOnceAtItsTime()
    {
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 1, 1, 0, 0, 0));
        await bot.StartBotAsync();

        await bot.RunUntilAsync(YearEnd);

        var rows = await bot.RowsAsync();
        var scheduled = rows.Where(r => r.ChannelId != DeliveryChannels.LocalId).ToList();
        Assert.Equal(2 * 21, scheduled.Count);
        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.All(rows, r => Assert.Equal(r.DueAt, r.SentAt)); // at its time, to the millisecond of the manual clock
        AssertEachOnce(bot.WeCom.Accepted.Select(a => a.Content!), scheduled.Where(r => r.ChannelId == "wecom-all"));
        AssertEachOnce(bot.DingTalk.Accepted.Select(a => a.Content!), scheduled.Where(r => r.ChannelId == "ding-union"));
        Assert.Equal(bot.WeCom.Received.Count, bot.WeCom.Accepted.Count);
        Assert.True(bot.WeCom.MaxAcceptedInAnyWindow(BotSetup.WebhookKey, TimeSpan.FromSeconds(60)) <= 20);
        Assert.True(bot.DingTalk.MaxAcceptedInAnyWindow(BotSetup.AccessToken, TimeSpan.FromSeconds(60)) <= 20);
    }

    [Fact]
    public async Task ABotRestartedMidYearSendsNothingTwiceAndLosesNothing()
    {
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 1, 1, 0, 0, 0));
        await bot.StartBotAsync();
        await bot.RunUntilAsync(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.FromHours(8)));
        var sentBefore = (await bot.RowsAsync()).Count(r => r.State == OutboxState.Sent);
        await bot.StopBotAsync();

        await bot.StartBotAsync(); // a second host on the same database
        await bot.RunUntilAsync(YearEnd);

        var rows = await bot.RowsAsync();
        Assert.InRange(sentBefore, 1, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        AssertEachOnce(bot.WeCom.Accepted.Select(a => a.Content!), rows.Where(r => r.ChannelId == "wecom-all"));
        AssertEachOnce(bot.DingTalk.Accepted.Select(a => a.Content!), rows.Where(r => r.ChannelId == "ding-union"));
    }

    /// <summary>The robot received exactly one message per row, and each row's text arrived in exactly one of them.</summary>
    private static void AssertEachOnce(IEnumerable<string> received, IEnumerable<OutboxRow> rows)
    {
        var contents = received.ToList();
        var expected = rows.ToList();
        Assert.Equal(expected.Count, contents.Count);
        foreach (var row in expected)
            Assert.Single(contents, c => c.Contains(row.Text, StringComparison.Ordinal));
    }
}
