using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;

namespace UnionBot.Core.Announcements;

/// <summary>A channel announcements go to, with the messenger that posts there and its platform's pacing.</summary>
public sealed record DeliveryChannel(ChannelOptions Options, IPlatformMessenger Messenger, int MaxPerWindow, TimeSpan RateLimitPause)
{
    public string Id => Options.Id;
}

/// <summary>
/// The channels the outbox addresses: every configured channel that <see cref="ChannelOptions.CanSend"/>, plus the
/// built-in <c>local</c> channel (SPEC section 6), each with the registered messenger of its platform.
/// </summary>
public sealed class DeliveryChannels
{
    public const string LocalId = "local";

    public DeliveryChannels(IOptions<UnionBotOptions> options, IEnumerable<IPlatformMessenger> messengers, ILogger<DeliveryChannels> logger)
    {
        var o = options.Value;
        // A WeCom channel with SendVia LongConnection posts through the link's messenger, the others through their robot.
        var byPath = messengers.GroupBy(m => (m.Platform, m.Path)).ToDictionary(g => g.Key, g => g.Last());
        var configured = o.Channels.Where(c => c.CanSend)
            .Append(new ChannelOptions { Id = LocalId, Name = "本地频道", Platform = PlatformKind.Local });
        var all = new List<DeliveryChannel>();
        foreach (var channel in configured)
        {
            var path = channel.Platform == PlatformKind.WeCom ? channel.SendVia : SendPath.Webhook;
            if (!byPath.TryGetValue((channel.Platform, path), out var messenger))
            {
                logger.LogWarning("Channel {Channel} gets no announcements: no sender for {Platform} is installed", channel.Id, channel.Platform);
                continue;
            }
            var (max, pause) = channel.Platform switch
            {
                PlatformKind.WeCom => (o.Delivery.MaxPerMinute, o.Delivery.WeComPause),
                PlatformKind.DingTalk => (o.Delivery.MaxPerMinute, o.Delivery.DingTalkPause),
                _ => (0, TimeSpan.Zero), // the local page has no platform limit
            };
            all.Add(new DeliveryChannel(channel, messenger, max, pause));
        }
        All = all;
    }

    public IReadOnlyList<DeliveryChannel> All { get; }

    public DeliveryChannel? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
