using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Core.Platforms;

/// <summary>The configured channels that accept callbacks; an unknown id or one without secrets has no callback (404).</summary>
public sealed class CallbackChannels(IOptions<UnionBotOptions> options)
{
    private readonly ConcurrentDictionary<string, WeComCrypto> _crypto = new(StringComparer.Ordinal);

    public ChannelOptions? Find(PlatformKind platform, string channelId) =>
        options.Value.Channels.FirstOrDefault(c => c.Platform == platform && c.CanReceive && c.Id == channelId);

    /// <summary>One crypto per channel: the key is decoded once. receiveid is "" for the AI bot.</summary>
    public WeComCrypto CryptoFor(ChannelOptions channel) =>
        _crypto.GetOrAdd(channel.Id, _ => new WeComCrypto(channel.Token, channel.EncodingAesKey));
}
