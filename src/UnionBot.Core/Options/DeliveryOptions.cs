namespace UnionBot.Core.Options;

/// <summary><c>UnionBot:Delivery</c>: how the outbox dispatcher paces and retries posts to group robots.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The platforms allow 20 posts per robot per minute; 18 leaves room for clock skew. 0 switches the limit off (benchmarks only).</summary>
    public int MaxPerMinute { get; set; } = 18;

    /// <summary>The window <see cref="MaxPerMinute"/> counts over; only a benchmark shortens it.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts for a transient failure (network, 5xx, errcode -1) before the row is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a WeCom robot rests after 45009 (the block length is undocumented; at least 60 s).</summary>
    public TimeSpan WeComPause { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a DingTalk robot rests after 130101/410100 (DingTalk throttles for 10 minutes).</summary>
    public TimeSpan DingTalkPause { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows overdue by more than this are a backlog: several of one kind for one channel are merged into a digest.</summary>
    public TimeSpan BacklogAfter { get; set; } = TimeSpan.FromMinutes(15);
}
