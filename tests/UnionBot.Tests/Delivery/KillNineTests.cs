using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Announcements;
using UnionBot.Core.Storage;
using UnionBot.Tests.Hosting;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Delivery;

/// <summary>The real bot as a separate process, killed without warning in the middle of a batch, then started again.</summary>
public sealed class KillNineTests
{
    private const int Messages = 20;

    [Fact]
    public async Task ABotKilledMidBatchAndRestartedDeliversEveryMessageExactlyOnce()
    {
        using var dir = new TempDirectory();
        await using var wecom = await FakeWeComServer.StartAsync(null, "kill-key");
        wecom.RateLimit = null;
        wecom.DelayNext(TimeSpan.Zero, times: 5);
        // The sixth post hangs until the kill drops its connection (the bot itself would give up after 10 s).
        wecom.DelayNext(TimeSpan.FromMinutes(10));
        var databasePath = dir.File("unionbot.db");
        var database = $"Data Source={databasePath}";
        await SeedAsync(database);

        using (var first = StartBot(database, wecom.BaseUrl))
        {
            // Killed the moment the sixth post reaches the robot, not when a poll of the database happens to see it:
            // on a loaded machine a poll can miss the seconds the post is in flight.
            await Eventually.TrueAsync(() => Task.FromResult(wecom.Held == 1), "the sixth post to be in flight", timeoutMs: 60_000);
            await first.KillAsync();
        }
        Assert.Equal(5, await CountAsync(databasePath, "sent"));
        Assert.Equal(1, await CountAsync(databasePath, "sending"));
        var acceptedBeforeKill = wecom.Accepted.Count;
        using (var second = StartBot(database, wecom.BaseUrl))
        {
            await wecom.WaitForAcceptedAsync(Messages, TimeSpan.FromSeconds(60));
            await second.KillAsync();
        }

        Assert.Equal(5, acceptedBeforeKill);
        var texts = wecom.Accepted.Select(a => a.Content).ToList();
        Assert.Equal(Messages, texts.Count);
        Assert.Equal(Messages, texts.Distinct().Count());
    }

    private static async Task SeedAsync(string connectionString)
    {
        var db = new Database(connectionString, NullLogger<Database>.Instance);
        db.Migrate();
        var store = new OutboxStore(db, TimeProvider.System);
        await store.InsertAsync(Enumerable.Range(1, Messages).Select(i => new OutboxRow
        {
            Key = $"announce:kill-{i}:wecom-all", SourceKey = $"announce:kill-{i}", ChannelId = "wecom-all", Kind = "announce",
            Title = $"通知{i}", Text = $"第{i}条通知", DueAt = StoredTime.Format(TimeProvider.System.GetUtcNow()),
        }));
    }

    private static Task<long> CountAsync(string databasePath, string state) =>
        TestDatabase.ScalarAsync<long>(databasePath, "SELECT COUNT(*) FROM outbox WHERE kind = 'announce' AND state = @state", new { state });

    private static BotProcess StartBot(string database, string wecomBaseUrl) => BotProcess.Start(null,
        $"--UnionBot:Database={database}",
        "--UnionBot:Channels:0:WebhookKey=kill-key",
        $"--UnionBot:WeCom:ApiBaseUrl={wecomBaseUrl}",
        "--UnionBot:Delivery:MaxPerMinute=0",
        // This test runs on the real clock: a past year's plan keeps the current month's notice (sent late until the
        // month ends) out of the twenty posts it counts.
        "--UnionBot:Plan:Year=2025");
}
