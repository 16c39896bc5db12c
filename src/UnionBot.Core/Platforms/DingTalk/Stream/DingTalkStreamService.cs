using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms.DingTalk.Stream;

/// <summary>One Stream connection per DingTalk channel in LongConnection mode; closed cleanly when the host stops.</summary>
public sealed class DingTalkStreamService(IOptions<UnionBotOptions> options, DingTalkStreamClient client) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channels = options.Value.Channels.Where(c => c.Platform == PlatformKind.DingTalk && c.CanConnect).ToList();
        await Task.WhenAll(channels.Select(c => client.RunAsync(c, stoppingToken)));
        // Acknowledged messages finish their command, so a redelivery never finds an id claimed and no reply.
        await client.InFlight;
    }
}
