using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>
/// Opens one long connection per WeCom channel in <c>Mode: LongConnection</c> and keeps it until the host stops, when
/// each link sends its close frame (within the host's stop timeout).
/// </summary>
public sealed class WeComLinkService(
    IOptions<UnionBotOptions> options, WeComLinkSettings settings, WeComLinks links, LongConnectionStatus status,
    WeComLinkCallbacks callbacks, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var channels = o.Channels.Where(c => c.Platform == PlatformKind.WeCom && c.CanConnect).ToList();
        if (channels.Count == 0) return Task.CompletedTask;
        var gateway = new Uri(o.WeCom.LongConnectionUrl);
        var logger = loggers.CreateLogger<WeComLink>();
        return Task.WhenAll(channels.Select(channel =>
        {
            var link = new WeComLink(channel, gateway, settings, status, time, logger, callbacks);
            links.Add(link);
            return Task.Run(() => link.RunAsync(stoppingToken), CancellationToken.None);
        }));
    }
}
