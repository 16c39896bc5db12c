namespace UnionBot.Core.Platforms.LongConnection;

/// <summary>
/// How a long connection retries, shared by both clients (each has its protocol's values): <see cref="ReconnectBackoff"/>
/// after a drop, and a slow fixed retry after the gateway refused the credentials, which will not heal by themselves.
/// </summary>
public sealed record ReconnectTimings(TimeSpan Initial, TimeSpan Cap, TimeSpan HealthyAfter, TimeSpan AuthenticationRetry);

/// <summary>
/// Delays between reconnection attempts of a long connection: exponential from <see cref="Initial"/> with full jitter,
/// capped (30 s for WeCom, 60 s for DingTalk), and back to the start once a connection has stayed healthy for
/// <see cref="HealthyAfter"/> — so a link that drops once a day reconnects at once, and a dead gateway is not hammered.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan cap, TimeSpan healthyAfter, Random? random = null)
{
    public ReconnectBackoff(ReconnectTimings timings) : this(timings.Initial, timings.Cap, timings.HealthyAfter) { }

    private readonly Random _random = random ?? Random.Shared;
    private int _failures;

    public TimeSpan Initial { get; } = initial;
    public TimeSpan Cap { get; } = cap;
    public TimeSpan HealthyAfter { get; } = healthyAfter;

    /// <summary>How many attempts failed in a row since the last healthy period.</summary>
    public int Failures => _failures;

    /// <summary>The delay before the next attempt (call after an attempt failed or a connection dropped).</summary>
    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_failures, 16);
        _failures++;
        var ceiling = Math.Min(Cap.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(2, exponent));
        // Half fixed, half random: never a thundering herd, never a zero delay.
        return TimeSpan.FromMilliseconds(ceiling / 2 + _random.NextDouble() * ceiling / 2);
    }

    /// <summary>Call when a connection that was up for <paramref name="upFor"/> ends: a long healthy period resets the backoff.</summary>
    public void ConnectionEnded(TimeSpan upFor)
    {
        if (upFor >= HealthyAfter) _failures = 0;
    }
}
