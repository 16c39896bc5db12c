namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// The platforms' per-robot limit: at most <see cref="Limit"/> accepted messages in any <see cref="Window"/>; over it,
/// the over-limit errcode, and for <see cref="ThrottleAfterLimit"/> afterwards the throttled errcode.
/// </summary>
internal sealed class FakeRateLimiter(int overLimitCode, int throttledCode)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _acceptedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _throttledUntil = new(StringComparer.Ordinal);

    public int? Limit { get; set; } = 20;
    public TimeSpan Window { get; } = TimeSpan.FromMinutes(1);
    public TimeSpan ThrottleAfterLimit { get; set; }

    /// <summary>Counts the message in when the robot may send it now, else answers why not.</summary>
    public (int ErrCode, string ErrMsg) Admit(string robot, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Limit is not { } limit) return (0, "ok");
            if (_throttledUntil.TryGetValue(robot, out var until) && now < until)
                return (throttledCode, "throttled for sending too fast");
            if (!_acceptedAt.TryGetValue(robot, out var sent)) _acceptedAt[robot] = sent = [];
            sent.RemoveAll(t => now - t >= Window);
            if (sent.Count >= limit)
            {
                if (ThrottleAfterLimit > TimeSpan.Zero) _throttledUntil[robot] = now + ThrottleAfterLimit;
                return (overLimitCode, $"send too fast, exceeded {limit} messages per {Window.TotalSeconds:0.###} s");
            }
            sent.Add(now);
            return (0, "ok");
        }
    }

    /// <summary>The most of <paramref name="times"/> that fall within any <paramref name="window"/>.</summary>
    public static int MaxInAnyWindow(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var max = 0;
        for (int first = 0, last = 0; last < sorted.Count; last++)
        {
            while (sorted[last] - sorted[first] >= window) first++;
            max = Math.Max(max, last - first + 1);
        }
        return max;
    }
}
