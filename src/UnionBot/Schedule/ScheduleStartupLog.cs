using UnionBot.Core.Plan;
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
        YearSchedule schedule;
        try
        {
            schedule = source.Reload();
        }
        catch (PlanReadException e)
        {
            logger.LogError("The annual plan {Path} cannot be read: {Reason}. The bot runs on, but no announcements are scheduled until it is fixed",
                source.Current.PlanPath, e.Message);
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        var upcoming = schedule.Announcements.Where(a => a.At >= now).ToList();
        logger.LogInformation("Schedule for {Year}: {Count} announcements, {Upcoming} still to come", schedule.Year, schedule.Announcements.Count, upcoming.Count);
        foreach (var a in upcoming)
            logger.LogInformation("  {At:yyyy-MM-dd HH:mm} {Kind} {Title}", a.At, a.Kind.ToString().ToLowerInvariant(), a.Title);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
