using Microsoft.Extensions.Diagnostics.HealthChecks;
using UnionBot.Core.Schedule;

namespace UnionBot.Schedule;

/// <summary>
/// Reports the plan on /healthz. An unreadable or missing plan is "degraded", not "unhealthy": the bot still answers
/// commands and keeps its last good schedule, so the status stays ok while the reason is there for the chair to read.
/// </summary>
internal sealed class PlanHealthCheck(YearScheduleSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var schedule = source.Current;
        var data = new Dictionary<string, object>
        {
            ["year"] = schedule.Year,
            ["announcements"] = schedule.Announcements.Count,
            ["warnings"] = schedule.Plan.Warnings,
            ["source"] = source.Published is { } p ? $"published version {p.Id}"
                : source.InUseInstead is { } good ? $"last good reading of the plan file, of {good.ReadAt:yyyy-MM-dd HH:mm} UTC"
                : "plan file",
        };
        if (source.DraftWaiting) data["draft"] = "the plan file changed after corrections were published; review it at /console/plan";
        // A plan read without one activity (no schedule the reader recognised) sends no monthly notice all year:
        // as much a fault for the chair as a plan that cannot be read.
        return Task.FromResult(source.LastError is { } error
            ? HealthCheckResult.Degraded($"the annual plan cannot be read: {error}" + (schedule.Sha256.Length > 0 ? $"; the {data["source"]} stays in use" : ""), data: data)
            : schedule.Plan.Activities.Count == 0
            ? HealthCheckResult.Degraded($"the annual plan has no activities: {schedule.Plan.Warnings.FirstOrDefault() ?? "no schedule found"}; check it with: plan parse <file>", data: data)
            : HealthCheckResult.Healthy($"{schedule.Plan.Activities.Count} activities, {schedule.Announcements.Count} announcements for {schedule.Year}", data));
    }
}
