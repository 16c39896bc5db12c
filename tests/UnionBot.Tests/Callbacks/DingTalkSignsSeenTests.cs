using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks;

/// <summary>The memory of DingTalk timestamp/sign pairs stays bounded at any rate and forgets what left the window.</summary>
public sealed class DingTalkSignsSeenTests
{
    private static readonly byte[] Body = "{}"u8.ToArray();

    [Fact]
    public void PastItsCapacityTheOldestPairIsForgottenFirst()
    {
        var time = BotSetup.Clock();
        var seen = new DingTalkSignsSeen(time);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        for (var i = 0; i < DingTalkSignsSeen.Capacity + 10; i++)
            Assert.True(seen.TryUse("ding-union", now - i, $"m-{i}", Body));

        Assert.Equal(DingTalkSignsSeen.Capacity, seen.Count);
        Assert.False(seen.TryUse("ding-union", now, "another", Body)); // the newest pairs are still held
    }

    [Fact]
    public void APairIsForgottenOnceItsTimestampLeavesTheWindow()
    {
        var time = BotSetup.Clock();
        var seen = new DingTalkSignsSeen(time);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        seen.TryUse("ding-union", now, "m-1", Body);

        time.Advance(TimeSpan.FromMinutes(61));
        seen.TryUse("ding-union", now + 1, "m-2", Body);

        Assert.Equal(1, seen.Count);
    }

    [Fact]
    public void TheSamePairOnAnotherChannelIsAnotherPair()
    {
        var seen = new DingTalkSignsSeen(TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.True(seen.TryUse("ding-a", now, "m-1", Body));
        Assert.True(seen.TryUse("ding-b", now, "m-2", Body));
        Assert.False(seen.TryUse("ding-a", now, "m-2", Body));
    }
}
