using Microsoft.Extensions.Diagnostics.HealthChecks;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Hosting;

/// <summary>
/// "long-connections" on /healthz: each link's state. Degraded (still 200) when any link is not Connected — a dropped
/// link reconnects by itself and the HTTP side keeps working, so it must not make the whole bot look down.
/// </summary>
public sealed class LongConnectionsHealthCheck(LongConnectionStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var links = status.All;
        if (links.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy("no long connection configured"));

        var data = links.ToDictionary(
            l => l.ChannelId,
            l => (object)(l.Detail is null ? $"{l.Platform}: {l.State} since {l.Since:O}" : $"{l.Platform}: {l.State} since {l.Since:O} ({l.Detail})"));
        var down = links.Where(l => l.State != LinkState.Connected).Select(l => l.ChannelId).ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy($"{links.Count} connected", data)
            : HealthCheckResult.Degraded($"not connected: {string.Join(", ", down)}", data: data));
    }
}
