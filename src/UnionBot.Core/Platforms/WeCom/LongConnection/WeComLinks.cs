using System.Collections.Concurrent;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>The running long connections by channel id: the host adds them, the messenger posts through them.</summary>
public sealed class WeComLinks
{
    private readonly ConcurrentDictionary<string, WeComLink> _links = new(StringComparer.Ordinal);

    public void Add(WeComLink link) => _links[link.Channel.Id] = link;

    public WeComLink? Of(string channelId) => _links.GetValueOrDefault(channelId);
}
