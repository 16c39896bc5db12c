using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Announcements;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Delivery;

public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly OutboxStore _store;

    public OutboxStoreTests()
    {
        var database = new Database($"Data Source={_dir.File("outbox.db")};Pooling=False", NullLogger<Database>.Instance);
        database.Migrate();
        _store = new OutboxStore(database, _time);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task InsertingTheSameKeyTwiceKeepsOneRow()
    {
        Assert.Equal(1, await _store.InsertAsync([Row("announce:1:wecom-all", "第一次")]));
        Assert.Equal(0, await _store.InsertAsync([Row("announce:1:wecom-all", "第二次")]));

        var row = Assert.Single(await _store.ListAsync());
        Assert.Equal("第一次", row.Text);
    }

    [Fact]
    public async Task AClaimedRowIsNotClaimedAgainAndIsPendingAgainAfterARestart()
    {
        await _store.InsertAsync([Row("announce:1:wecom-all", "通知")]);

        var claimed = await Claim();
        var second = await Claim();
        var recovered = await _store.RecoverInterruptedAsync();

        Assert.Single(claimed);
        Assert.Empty(second);
        Assert.Equal(["announce:1:wecom-all"], recovered);
        Assert.Equal(OutboxState.Pending, Assert.Single(await _store.ListAsync()).State);
    }

    [Fact]
    public async Task ASentRowIsNeverClaimedAgain()
    {
        await _store.InsertAsync([Row("announce:1:wecom-all", "通知")]);
        await _store.MarkSentAsync(await Claim(), retries: 0);

        await _store.RecoverInterruptedAsync();

        Assert.Empty(await Claim());
        var row = Assert.Single(await _store.ListAsync());
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(StoredTime.Format(Now), row.SentAt);
    }

    [Fact]
    public async Task RowsDueInTheFutureAreNotClaimed()
    {
        await _store.InsertAsync([Row("announce:1:wecom-all", "通知", due: Now.AddMinutes(1))]);

        Assert.Empty(await Claim());
    }

    [Fact]
    public async Task OnlyABacklogOfOneKindIsClaimedTogether()
    {
        await _store.InsertAsync([
            Row("monthly:2026-01:wecom-all", "一月", due: Now.AddDays(-30), kind: "monthly"),
            Row("festival:x:wecom-all", "节日", due: Now.AddDays(-20), kind: "festival"),
            Row("monthly:2026-02:wecom-all", "二月", due: Now.AddDays(-2), kind: "monthly"),
        ]);

        var claimed = await Claim();

        Assert.Equal(["一月", "二月"], claimed.Select(r => r.Text));
    }

    [Fact]
    public async Task SyncAddsNewRowsUpdatesUnsentOnesCancelsRemovedOnesAndNeverTouchesSentOnes()
    {
        await _store.SyncScheduleAsync(2026, [Row("m:1:c", "旧", kind: "monthly"), Row("m:2:c", "旧", kind: "monthly"), Row("m:3:c", "旧", kind: "monthly")]);
        await _store.MarkSentAsync(await _store.ClaimNextAsync("c", Now, Now.AddHours(-1), b => b), retries: 0);

        var result = await _store.SyncScheduleAsync(2026, [Row("m:1:c", "新", kind: "monthly"), Row("m:2:c", "新", kind: "monthly"), Row("m:4:c", "新", kind: "monthly")]);

        Assert.Equal(new SyncResult(Added: 1, Updated: 1, Cancelled: 1, Unchanged: 1), result);
        var rows = (await _store.ListAsync()).ToDictionary(r => r.Key);
        Assert.Equal(("旧", OutboxState.Sent), (rows["m:1:c"].Text, rows["m:1:c"].State));
        Assert.Equal(("新", OutboxState.Pending), (rows["m:2:c"].Text, rows["m:2:c"].State));
        Assert.Equal((OutboxState.Skipped, OutboxStore.RemovedFromPlan), (rows["m:3:c"].State, rows["m:3:c"].LastError));
        Assert.Equal(OutboxState.Pending, rows["m:4:c"].State);
    }

    [Fact]
    public async Task AnActivityPutBackIntoThePlanRevivesItsCancelledRow()
    {
        await _store.SyncScheduleAsync(2026, [Row("m:1:c", "通知", kind: "monthly", due: Now.AddDays(1))]);
        await _store.SyncScheduleAsync(2026, []);

        await _store.SyncScheduleAsync(2026, [Row("m:1:c", "通知", kind: "monthly", due: Now.AddDays(1))]);

        Assert.Equal(OutboxState.Pending, Assert.Single(await _store.ListAsync()).State);
    }

    [Fact]
    public async Task TheNewYearsFirstSyncLeavesLastYearsUnsentRowsAlone()
    {
        await _store.SyncScheduleAsync(2026, [Row("festival:new-year:2027:c", "元旦快乐", kind: "festival", due: Now.AddDays(1))]);

        var result = await _store.SyncScheduleAsync(2027, [Row("monthly:2027-02:c", "二月", kind: "monthly", due: Now.AddDays(30))]);

        Assert.Equal(0, result.Cancelled);
        Assert.All(await _store.ListAsync(), r => Assert.Equal(OutboxState.Pending, r.State));
    }

    [Fact]
    public async Task SyncLeavesTheChairsAnnouncementsAlone()
    {
        await _store.InsertAsync([Row("announce:1:c", "公告")]);

        var result = await _store.SyncScheduleAsync(2026, []);

        Assert.Equal(0, result.Cancelled);
        Assert.Equal(OutboxState.Pending, Assert.Single(await _store.ListAsync()).State);
    }

    private Task<IReadOnlyList<OutboxRow>> Claim() =>
        _store.ClaimNextAsync("wecom-all", Now, Now.AddMinutes(-15), backlog => backlog);

    private static OutboxRow Row(string key, string text, DateTimeOffset? due = null, string kind = "announce") => new()
    {
        Key = key,
        SourceKey = key[..key.LastIndexOf(':')],
        ChannelId = key[(key.LastIndexOf(':') + 1)..],
        Kind = kind,
        Title = text,
        Text = text,
        DueAt = StoredTime.Format(due ?? Now),
    };
}
