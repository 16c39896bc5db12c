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

    private static (ProcessedMessages, ManualTimeProvider) Open(TempDirectory dir)
    {
        var database = new Database($"Data Source={dir.File("p.db")};Pooling=False", NullLogger<Database>.Instance);
        database.Migrate();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        return (new ProcessedMessages(database, time), time);
    }
}
