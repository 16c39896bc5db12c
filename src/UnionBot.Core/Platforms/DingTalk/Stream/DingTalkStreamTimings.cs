using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Core.Platforms.DingTalk.Stream;

/// <summary>
/// The Stream client's intervals. Not configuration keys: the production defaults follow the protocol; tests
/// register shorter ones.
/// </summary>
public sealed record DingTalkStreamTimings
{
    /// <summary>
    /// Backoff from 1 s doubling up to 60 s (PROTOCOLS.md 2.2), reset by a connection that stayed up 2 min; refused
    /// credentials are retried every 5 min, the admin has to fix them.
    /// </summary>
    public ReconnectTimings Reconnect { get; init; } =
        new(Initial: TimeSpan.FromSeconds(1), Cap: TimeSpan.FromSeconds(60), HealthyAfter: TimeSpan.FromMinutes(2), AuthenticationRetry: TimeSpan.FromMinutes(5));

    /// <summary>
    /// No frame at all (not even the gateway's ping) for this long: open a fresh connection, in case the gateway lost
    /// track of this one while TCP still looks alive. Generous, because a quiet group is not a fault; a dead TCP link
    /// is caught sooner by <see cref="KeepAlive"/>.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>WebSocket-level ping, which also catches a half-open TCP connection.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>After a SYSTEM disconnect the old socket is kept to finish what is in flight, at most this long.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long opening a connection (the HTTP call, then the WebSocket handshake) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
