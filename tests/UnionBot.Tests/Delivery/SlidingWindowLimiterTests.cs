using UnionBot.Core.Announcements;

namespace UnionBot.Tests.Delivery;

public sealed class SlidingWindowLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public void PostingAsFastAsAllowedNeverPutsMoreThanTheLimitInAnyWindow()
    {
        var limiter = new SlidingWindowLimiter(18, Minute);
        var posts = new List<DateTimeOffset>();
        var now = T0;
        while (posts.Count < 200)
        {
            var slot = limiter.NextSlot(now);
            if (slot > now) { now = slot; continue; }
            limiter.Record(now);
            posts.Add(now);
            now += TimeSpan.FromMilliseconds(137); // a sender faster than the limit
        }

        var worst = posts.Select(start => posts.Count(p => p >= start && p < start + Minute)).Max();
        Assert.Equal(18, worst);
    }

    [Fact]
    public void TheNextSlotOpensExactlyOneWindowAfterTheOldestPost()
    {
        var limiter = new SlidingWindowLimiter(2, Minute);
        limiter.Record(T0);
        limiter.Record(T0.AddSeconds(10));

        Assert.Equal(T0 + Minute, limiter.NextSlot(T0.AddSeconds(20)));
        Assert.Equal(T0 + Minute, limiter.NextSlot(T0 + Minute));
    }

    [Fact]
    public void ARateLimitAnswerFillsTheWindowWhateverWasCounted()
    {
        var limiter = new SlidingWindowLimiter(18, Minute);
        limiter.Saturate(T0);

        Assert.Equal(T0 + Minute, limiter.NextSlot(T0.AddSeconds(1)));
    }

    [Fact]
    public void ALimitOfZeroNeverMakesASenderWait()
    {
        var limiter = new SlidingWindowLimiter(0, Minute);
        for (var i = 0; i < 1000; i++) limiter.Record(T0);

        Assert.Equal(T0, limiter.NextSlot(T0));
    }
}
