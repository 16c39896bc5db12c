using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.Delivery;

/// <summary>
/// One Quartz cron trigger per announcement with pending rows in the future, named by the announcement's key, at its
/// local time in <c>UnionBot:TimeZone</c>. The outbox is the source of truth: triggers are derived from it and rebuilt
/// after every sync and every start, so Quartz keeps them in memory (README, "Delivery").
/// </summary>
public sealed class AnnouncementTriggers(OutboxStore store, IOptions<UnionBotOptions> options, TimeProvider time, ILogger<AnnouncementTriggers> logger)
{
    public const string Group = "announcements";
    public static readonly TriggerKey DailySync = new("plan-sync-daily", "delivery");

    public async Task ReplaceAsync(IScheduler scheduler, CancellationToken ct)
    {
        var zone = options.Value.FindZone();
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(Group), ct);
        var pending = await store.FuturePendingAsync(ct);
        var scheduled = 0;
        foreach (var (sourceKey, due) in pending)
        {
            try
            {
                await scheduler.ScheduleJob(Build(sourceKey, due, zone, time), default, ct);
                scheduled++;
            }
            catch (SchedulerException e)
            {
                // The row stays pending: the next start or sync sweeps it (and Schedule:CatchUp judges it).
                logger.LogWarning("No trigger for {Key} at {Due:o}: {Reason}", sourceKey, due, e.Message);
            }
        }
        // A daily re-sync at 00:05 picks up the new year when Plan:Year is 0, and any plan change the watcher missed.
        // DoNothing: a missed 00:05 is not worth a late run — every start syncs anyway, and the file watcher catches
        // edits — while a late run would re-read the plan at an arbitrary moment.
        await scheduler.ScheduleJob(TriggerBuilder.Create(time)
            .WithIdentity(DailySync)
            .ForJob(PlanSyncJob.Key)
            .WithSchedule(CronScheduleBuilder.Create("0 5 0 * * ?").InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build(), ScheduleJobOptions.Replacing, ct);
        logger.LogInformation("{Count} announcement triggers scheduled in {Zone}", scheduled, zone.Id);
    }

    internal static ITrigger Build(string sourceKey, DateTimeOffset due, TimeZoneInfo zone, TimeProvider time)
    {
        var local = TimeZoneInfo.ConvertTime(due, zone);
        // A cron with a year fires once, at that wall-clock time in the zone. FireAndProceed: a trigger missed while
        // the scheduler was busy fires as soon as it can; the dispatcher then applies Schedule:CatchUp to the rows.
        var cron = string.Create(CultureInfo.InvariantCulture, $"{local.Second} {local.Minute} {local.Hour} {local.Day} {local.Month} ? {local.Year}");
        // The builder's clock sets the trigger's start: the system clock would put it after a test's manual "now".
        return TriggerBuilder.Create(time)
            .WithIdentity(sourceKey, Group)
            .ForJob(DueAnnouncementsJob.Key)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
