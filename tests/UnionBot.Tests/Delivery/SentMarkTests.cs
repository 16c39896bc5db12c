using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Announcements;
using UnionBot.Core.Storage;
using UnionBot.Tests.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

/// <summary>The platform acknowledged a post, but the database would not take its <c>sent</c> mark.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SentMarkTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private const string Row = "monthly:2026-02:wecom-all";

    [Fact]
    public async Task APostWhoseSentMarkTheDatabaseRefusedIsMarkedOnceItIsWritableShowsOnHealthzMeanwhileAndIsNeverPostedAgain()
    {
        await using var bot = await DeliveryHarness.CreateAsync(new DateTime(2026, 1, 10, 9, 0, 0));
        await bot.StartBotAsync();
        await bot.SettleAsync();
        using var client = bot.CreateClient();
        var database = bot.Services.GetRequiredService<Database>();

        // The robot takes 3 s to answer February's notice; meanwhile the database becomes read-only.
        bot.WeCom.DelayNext(TimeSpan.FromSeconds(3));
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 2, 2, 8, 31, 0, Shanghai));
        await Eventually.TrueAsync(async () => (await bot.RowsAsync()).Single(r => r.Key == Row).State == OutboxState.Sending, "the post is in flight");
        using (new UnwritableFile(bot.DatabasePath))
        {
            SqliteConnection.ClearPool(new SqliteConnection(database.ConnectionString));
            await bot.WeCom.WaitForAcceptedAsync(1);

            await Eventually.TrueAsync(async () => ChannelsCheck(await HealthzAsync(client)).Contains(Row),
                "/healthz names the row posted but not recorded", async () => await HealthzAsync(client));
            var channels = ChannelsCheck(await HealthzAsync(client));
            Assert.Contains("\"degraded\"", channels);
            Assert.Contains("not recorded as sent", channels);
        }

        // Writable again: the mark is retried in the process, within a minute, without a restart.
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await bot.RowsAsync()).Single(r => r.Key == Row).State == OutboxState.Sent,
            "the sent mark is written once the database takes it", async () => (await bot.RowsAsync()).Single(r => r.Key == Row).State.ToString());
        await Eventually.TrueAsync(async () => !ChannelsCheck(await HealthzAsync(client)).Contains(Row), "/healthz no longer names the row");

        await bot.StopBotAsync();
        await bot.StartBotAsync();
        await bot.SettleAsync();

        Assert.Single(bot.WeCom.Accepted, a => a.Content!.Contains("二月份"));
        Assert.Equal(OutboxState.Sent, (await bot.RowsAsync()).Single(r => r.Key == Row).State);
    }

    /// <summary>The body whatever the status: while the database is read-only its own check makes it 503.</summary>
    private static async Task<string> HealthzAsync(HttpClient client) => await (await client.GetAsync("/healthz")).Content.ReadAsStringAsync();

    private static string ChannelsCheck(string healthz)
    {
        using var json = JsonDocument.Parse(healthz);
        return json.RootElement.GetProperty("checks").GetProperty("channels").GetRawText();
    }
}
