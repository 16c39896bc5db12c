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
public sealed class AnnouncementTriggers(OutboxStore store, IOptions<UnionBotOptions> options, ILogger<AnnouncementTriggers> logger)
{
    public const string Group = "announcements";

    public async Task ReplaceAsync(IScheduler scheduler, CancellationToken ct)
    {
        var zone = options.Value.Zone;
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(Group), ct);
        var pending = await store.FuturePendingAsync(ct);
        foreach (var (sourceKey, due) in pending)
            await scheduler.ScheduleJob(Build(sourceKey, due, zone), default, ct);
        logger.LogInformation("{Count} announcement triggers scheduled in {Zone}", pending.Count, zone.Id);
    }

    internal static ITrigger Build(string sourceKey, DateTimeOffset due, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(due, zone);
        // A cron with a year fires once, at that wall-clock time in the zone. FireAndProceed: a trigger missed while
        // the scheduler was busy fires as soon as it can; the dispatcher then applies Schedule:CatchUp to the rows.
        var cron = string.Create(CultureInfo.InvariantCulture, $"{local.Second} {local.Minute} {local.Hour} {local.Day} {local.Month} ? {local.Year}");
        return TriggerBuilder.Create()
            .WithIdentity(sourceKey, Group)
            .ForJob(DueAnnouncementsJob.Key)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
