using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using UnionBot.Core.Announcements;

namespace UnionBot.Delivery;

/// <summary>Unhealthy (503) when the dispatcher or the Quartz scheduler is not running: nothing would be posted.</summary>
public sealed class SchedulerHealthCheck(DeliveryStatus status, ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!status.DispatcherRunning) return HealthCheckResult.Unhealthy("the delivery dispatcher is not running");
        var scheduler = await schedulers.GetScheduler(ct);
        var state = await scheduler.GetStatus(ct);
        return state == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("dispatcher and scheduler running")
            : HealthCheckResult.Unhealthy($"the Quartz scheduler is {state.ToString().ToLowerInvariant()}, not running");
    }
}

/// <summary>
/// Degraded (still 200) while a channel is broken, naming the channel and what the administrator must fix, or holds a
/// post the database has not yet taken as sent (a restart meanwhile would post it again).
/// </summary>
public sealed class ChannelsHealthCheck(DeliveryStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>();
        foreach (var (channel, reason) in status.Failing) data[channel] = "failing: " + reason;
        foreach (var (channel, what) in status.Unrecorded) data.TryAdd(channel, what);
        foreach (var (channel, until) in status.Paused) data.TryAdd(channel, $"paused by the platform's rate limit until {until:o}");
        var problems = status.Failing.Select(f => $"{f.Key} failing ({f.Value})")
            .Concat(status.Unrecorded.Select(u => $"{u.Key}: {u.Value}"))
            .ToList();
        var result = problems.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", problems), data: data)
            : HealthCheckResult.Healthy("every channel delivers", data);
        return Task.FromResult(result);
    }
}
