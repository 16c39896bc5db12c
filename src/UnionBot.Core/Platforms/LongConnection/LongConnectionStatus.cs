using System.Collections.Concurrent;

namespace UnionBot.Core.Platforms.LongConnection;

public enum LinkState { Connecting, Connected, Reconnecting, AuthenticationFailed, Superseded, Stopped }

/// <summary>What /healthz shows for one channel's long connection.</summary>
public sealed record LinkStatus(string ChannelId, string Platform, LinkState State, DateTimeOffset Since, string? Detail);

/// <summary>The state of every long connection, written by the clients and read by the health check.</summary>
public sealed class LongConnectionStatus(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LinkStatus> _links = new(StringComparer.Ordinal);

    public void Set(string channelId, string platform, LinkState state, string? detail = null) =>
        _links.AddOrUpdate(channelId,
            _ => new LinkStatus(channelId, platform, state, time.GetUtcNow(), detail),
            (_, old) => old.State == state && old.Detail == detail ? old : new LinkStatus(channelId, platform, state, time.GetUtcNow(), detail));

    public IReadOnlyList<LinkStatus> All => _links.Values.OrderBy(l => l.ChannelId, StringComparer.Ordinal).ToList();

    public LinkStatus? Of(string channelId) => _links.GetValueOrDefault(channelId);
}
