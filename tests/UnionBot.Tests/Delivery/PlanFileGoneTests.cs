using System.Text.Json;
using UnionBot.Core.Announcements;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

/// <summary>The plan file deleted under a running bot, and the bot restarted without it.</summary>
public sealed class PlanFileGoneTests
{
    [Fact]
    public async Task APlanFileDeletedWhileTheBotRunsShowsOnHealthzKeepsTheScheduleAndARestartStartsWithTheLastGoodReading()
    {
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 1, 10, 9, 0, 0));
        await bot.StartBotAsync();
        await bot.SettleAsync();
        var before = Outbox(await bot.RowsAsync());
        using (var client = bot.CreateClient())
        {
            Assert.Equal("healthy", (await PlanCheckAsync(client)).Status);

            File.Delete(bot.PlanPath);

            await Eventually.TrueAsync(async () => (await PlanCheckAsync(client)).Status == "degraded", "/healthz shows the plan degraded");
            Assert.Contains("no such file", (await PlanCheckAsync(client)).Description);
        }
        Assert.Equal(before, Outbox(await bot.RowsAsync())); // nothing cancelled, nothing changed

        await bot.StopBotAsync();
        await bot.StartBotAsync();

        using (var client = bot.CreateClient())
        {
            var (status, description) = await PlanCheckAsync(client);
            Assert.Equal("degraded", status);
            Assert.Contains("no such file", description);
            Assert.Contains("last good reading", description);
        }
        Assert.Equal(before, Outbox(await bot.RowsAsync()));
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 2, 2, 8, 31, 0, TimeSpan.FromHours(8)));
        await bot.SettleAsync();
        Assert.Contains("二月份", Assert.Single(bot.WeCom.Accepted).Content);
    }

    private static List<(string Key, string State, string Text, string DueAt)> Outbox(IReadOnlyList<OutboxRow> rows) =>
        rows.Select(r => (r.Key, r.State, r.Text, r.DueAt)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

    private static async Task<(string Status, string Description)> PlanCheckAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await (await client.GetAsync("/healthz")).Content.ReadAsStringAsync());
        var plan = json.RootElement.GetProperty("checks").GetProperty("plan");
        return (plan.GetProperty("status").GetString()!, plan.GetProperty("description").GetString()!);
    }
}
