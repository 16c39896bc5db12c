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
    public async Task ARedeliveryIsToldFromMemoryForAtLeastTheSpanAndByTheClaimsOwnWriteAfterIt()
    {
        using var dir = new TempDirectory();
        var (processed, time) = Open(dir);
        Assert.True(await processed.TryClaimAsync("wecom-all", "m-1", default));

        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(processed.ClaimFor("wecom-all", "m-1"));
        var (restarted, _) = Open(dir, time);
        Assert.Null(restarted.ClaimFor("wecom-all", "m-1"));
        time.Advance(RecentClaims.Span);
        Assert.Null(processed.ClaimFor("wecom-all", "m-1"));

        // Past twice the span memory lets the message in, and the write that carries its claim still refuses it.
        time.Advance(RecentClaims.Span);
        var late = processed.ClaimFor("wecom-all", "m-1");
        Assert.NotNull(late);
        Assert.False(await processed.CommitAsync(late, default));
    }

    [Fact]
    public async Task ANewMessageWhoseFingerprintMatchesAClaimedOnesIsStillNew()
    {
        using var dir = new TempDirectory();
        var (processed, _, recent) = OpenRecent(dir);
        Assert.True(await processed.TryClaimAsync("wecom-all", "m-1", default));
        // Another id that happens to share a fingerprint with a claimed one (one pair in 2^64): the table decides.
        recent.Add(RecentClaims.Fingerprint("wecom-all", "m-2"));

        // Memory matches it, so only the table can have said no.
        Assert.True(recent.Known(RecentClaims.Fingerprint("wecom-all", "m-2")));
        Assert.False(recent.Contains("wecom-all", "m-2"));
        Assert.True(recent.Contains("wecom-all", "m-1"));
    }

    [Fact]
    public void AFloodMovesTheGenerationsOnEarlyInsteadOfGrowingThemWithoutBound()
    {
        using var dir = new TempDirectory();
        var (_, _, recent) = OpenRecent(dir);
        recent.Add(RecentClaims.Fingerprint("wecom-all", "first"));

        for (long i = 1; i < RecentClaims.MaxPerGeneration; i++) recent.Add(i);
        Assert.True(recent.Known(RecentClaims.Fingerprint("wecom-all", "first"))); // full: it moves on at the next id
        for (long i = 0; i < RecentClaims.MaxPerGeneration + 1; i++) recent.Add(-i - 1);

        Assert.False(recent.Known(RecentClaims.Fingerprint("wecom-all", "first")));
        Assert.True(recent.Known(-1));
    }

    [Fact]
    public void FingerprintsTellChannelsAndIdsApart()
    {
        Assert.NotEqual(RecentClaims.Fingerprint("wecom-all", "m-1"), RecentClaims.Fingerprint("wecom-all", "m-2"));
        Assert.NotEqual(RecentClaims.Fingerprint("wecom-all", "m-1"), RecentClaims.Fingerprint("ding-union", "m-1"));
        // The separator keeps the boundary: ("ab", "c") is not ("a", "bc").
        Assert.NotEqual(RecentClaims.Fingerprint("ab", "c"), RecentClaims.Fingerprint("a", "bc"));
        Assert.Equal(RecentClaims.Fingerprint("wecom-all", "m-1"), RecentClaims.Fingerprint("wecom-all", "m-1"));
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

    private static (ProcessedMessages, FakeTimeProvider, RecentClaims) OpenRecent(TempDirectory dir)
    {
        var (processed, time) = Open(dir);
        var database = new Database($"Data Source={dir.File("p.db")};Pooling=False", NullLogger<Database>.Instance);
        return (processed, time, new RecentClaims(database, time));
    }

    private static (ProcessedMessages, FakeTimeProvider) Open(TempDirectory dir, FakeTimeProvider? clock = null)
    {
        var database = new Database($"Data Source={dir.File("p.db")};Pooling=False", NullLogger<Database>.Instance);
        database.Migrate();
        var time = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        return (new ProcessedMessages(database, time), time);
    }
}
