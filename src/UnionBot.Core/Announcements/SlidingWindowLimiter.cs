namespace UnionBot.Core.Announcements;

/// <summary>
/// At most <c>max</c> posts in any window of length <c>window</c> (half-open: a post exactly one window ago no
/// longer counts). It remembers each post's time rather than counting per fixed minute, because a fixed-minute
/// counter allows twice the limit across a minute boundary — exactly what the platforms punish. Not thread-safe:
/// each channel's worker owns one.
/// </summary>
public sealed class SlidingWindowLimiter(int max, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _posts = new();

    public bool Unlimited => max <= 0;

    /// <summary>When the next post may go: <paramref name="now"/> itself if a slot is free.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        if (Unlimited) return now;
        while (_posts.Count > 0 && _posts.Peek() <= now - window) _posts.Dequeue();
        return _posts.Count < max ? now : _posts.Peek() + window;
    }

    public void Record(DateTimeOffset at)
    {
        if (!Unlimited) _posts.Enqueue(at);
    }

    /// <summary>The platform said "too fast": treat the window as full from now, whatever we counted.</summary>
    public void Saturate(DateTimeOffset now)
    {
        if (Unlimited) return;
        _posts.Clear();
        for (var i = 0; i < max; i++) _posts.Enqueue(now);
    }
}
