namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>
/// The timings of the long connection. Not user configuration: the defaults are the protocol's (PROTOCOLS.md 1.2);
/// tests drive them with a manual clock rather than change them.
/// </summary>
public sealed record WeComLinkSettings
{
    /// <summary>The gateway expects a ping every 30 s; two unanswered pings mean the link is dead.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);
    public int MissedPingsAllowed { get; init; } = 2;

    /// <summary>How long the subscribe, respond and send frames wait for their ack.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconnectInitial { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectCap { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan HealthyAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A refused bot_id/secret will not heal by itself: try again rarely, so a fixed secret is picked up without spam.</summary>
    public TimeSpan AuthenticationRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest frame UnionBot reads; a callback is a few KiB.</summary>
    public int MaxFrameBytes { get; init; } = 256 * 1024;
}
