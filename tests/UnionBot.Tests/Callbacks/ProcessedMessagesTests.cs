using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks;

public sealed class ProcessedMessagesTests
{
    [Fact]
    public async Task AnIdIsClaimedOncePerChannel()
    {
        using var dir = new TempDirectory();
        var (processed, _) = Open(dir);

        Assert.True(await processed.TryClaimAsync("wecom-all", "m-1", default));
        Assert.False(await processed.TryClaimAsync("wecom-all", "m-1", default));
        Assert.True(await processed.TryClaimAsync("ding-union", "m-1", default));
    }

    [Fact]
    public async Task IdsAreKeptAtLeastADayAndPrunedAfterTheRetention()
    {
        using var dir = new TempDirectory();
        var (processed, time) = Open(dir);
        await processed.TryClaimAsync("wecom-all", "old", default);

        time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, await processed.PruneAsync(default));
        Assert.False(await processed.TryClaimAsync("wecom-all", "old", default));

        time.Advance(ProcessedMessages.Retention);
        Assert.Equal(1, await processed.PruneAsync(default));
        Assert.True(await processed.TryClaimAsync("wecom-all", "old", default));
    }

    [Fact]
    public async Task AHundredDeliveriesOfOneIdAtOnceClaimItExactlyOnce()
    {
        using var dir = new TempDirectory();
        var (processed, _) = Open(dir);

        var claims = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => processed.TryClaimAsync("wecom-all", "m-1", default))));

        Assert.Single(claims, claimed => claimed);
    }

    [Fact]
    public async Task ClaimsCommittedTogetherAreEachKeptAndKnownToANewInstanceAfterARestart()
    {
        using var dir = new TempDirectory();
        var (processed, _) = Open(dir);
        var ids = Enumerable.Range(0, 200).Select(i => $"m-{i}").ToList();

        var first = await Task.WhenAll(ids.Select(id => Task.Run(() => processed.TryClaimAsync("wecom-all", id, default))));
        var (restarted, _) = Open(dir);
        var again = await Task.WhenAll(ids.Select(id => restarted.TryClaimAsync("wecom-all", id, default)));

        Assert.All(first, Assert.True);
        Assert.All(again, Assert.False);
    }

    [Fact]
    public async Task ARedeliveryIsToldFromMemoryWithinTheSpanAndByTheClaimsOwnWriteAfterIt()
    {
        using var dir = new TempDirectory();
        var (processed, time) = Open(dir);
        Assert.True(await processed.TryClaimAsync("wecom-all", "m-1", default));

        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(processed.ClaimFor("wecom-all", "m-1"));
        var (restarted, _) = Open(dir, time);
        Assert.Null(restarted.ClaimFor("wecom-all", "m-1"));

        // Past the span memory lets the message in, and the write that carries its claim still refuses it.
        time.Advance(RecentClaims.Span);
        Assert.True(await processed.TryClaimAsync("wecom-all", "m-2", default)); // a committed claim sweeps what is older
        var late = processed.ClaimFor("wecom-all", "m-1");
        Assert.NotNull(late);
        Assert.False(await processed.CommitAsync(late, default));
    }

    [Fact]
    public async Task AClaimThatCannotBeWrittenFailsInsteadOfHangingAndLaterClaimsStillWork()
    {
        using var dir = new TempDirectory();
        var database = new Database($"Data Source={dir.File("p.db")};Pooling=False", NullLogger<Database>.Instance);
        var processed = new ProcessedMessages(database, new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => processed.TryClaimAsync("wecom-all", "m-1", default));
        database.Migrate();

        Assert.True(await processed.TryClaimAsync("wecom-all", "m-1", default));
    }

    private static (ProcessedMessages, FakeTimeProvider) Open(TempDirectory dir, FakeTimeProvider? clock = null)
    {
        var database = new Database($"Data Source={dir.File("p.db")};Pooling=False", NullLogger<Database>.Instance);
        database.Migrate();
        var time = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        return (new ProcessedMessages(database, time), time);
    }
}
