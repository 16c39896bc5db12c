using UnionBot.Core.Platforms.LongConnection;

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

    /// <summary>
    /// Backoff from 1 s doubling up to 30 s, reset by a connection that stayed up 1 min. A refused bot_id/secret will
    /// not heal by itself: it is retried every 5 min, so a fixed secret is picked up without spam.
    /// </summary>
    public ReconnectTimings Reconnect { get; init; } =
        new(Initial: TimeSpan.FromSeconds(1), Cap: TimeSpan.FromSeconds(30), HealthyAfter: TimeSpan.FromMinutes(1), AuthenticationRetry: TimeSpan.FromMinutes(5));

    /// <summary>The largest frame UnionBot reads; a callback is a few KiB.</summary>
    public int MaxFrameBytes { get; init; } = 256 * 1024;
}
