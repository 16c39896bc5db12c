using UnionBot.Core.Announcements;
using UnionBot.Core.Schedule;

namespace UnionBot.Schedule;

/// <summary>
/// At start: reads the plan and logs what the bot is going to announce this year, so the chair can see it in the log
/// right away. A plan that cannot be read is one error line; the bot keeps running with no announcements.
/// </summary>
internal sealed class ScheduleStartupLog(YearScheduleSource source, TimeProvider time, ILogger<ScheduleStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Current reads the plan unless something started earlier already did; an unreadable plan is logged there, once.
        var schedule = source.Current;
        if (source.LastError is not null) return Task.CompletedTask;

        var now = time.GetUtcNow();
        var upcoming = schedule.Announcements.Where(a => a.At >= now).ToList();
        logger.LogInformation("Schedule for {Year}: {Count} announcements, {Upcoming} still to come", schedule.Year, schedule.Announcements.Count, upcoming.Count);
        foreach (var a in upcoming)
            logger.LogInformation("  {At:yyyy-MM-dd HH:mm} {Kind} {Title}", a.At, PlanSync.KindName(a.Kind), a.Title);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
