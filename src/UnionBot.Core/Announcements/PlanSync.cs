using Microsoft.Extensions.Logging;
using UnionBot.Core.Schedule;

namespace UnionBot.Core.Announcements;

/// <summary>Reads the plan again and upserts its year of announcements into the outbox for every channel.</summary>
public sealed class PlanSync(IYearScheduleSource source, OutboxStore outbox, DeliveryChannels channels, ILogger<PlanSync> logger)
{
    /// <param name="reload">False at start, where the schedule the source has just read is used rather than read twice.</param>
    /// <returns>What changed, or null when no plan has been read successfully (the outbox is left as it is).</returns>
    public async Task<SyncResult?> SyncAsync(bool reload, CancellationToken ct)
    {
        var schedule = reload ? source.Reload() : source.Current;
        if (schedule.Sha256.Length == 0)
        {
            // The source's stand-in for an unreadable plan: syncing it would cancel every pending row.
            logger.LogWarning("No plan has been read successfully yet; the outbox keeps what it has");
            return null;
        }
        var rows = schedule.Announcements
            .SelectMany(a => OutboxComposer.Rows(a.Key, KindName(a.Kind), new OutgoingMessage(a.Title, a.Text), a.At, channels.All))
            .ToList();
        var result = await outbox.SyncScheduleAsync(schedule.Year, rows, ct);
        logger.LogInformation(
            "Plan {Path} ({Hash}) for {Year}: {Announcements} announcements; outbox {Added} added, {Updated} updated, {Cancelled} cancelled, {Unchanged} unchanged",
            schedule.PlanPath, schedule.Sha256[..Math.Min(12, schedule.Sha256.Length)], schedule.Year, schedule.Announcements.Count,
            result.Added, result.Updated, result.Cancelled, result.Unchanged);
        return result;
    }

    public static string KindName(AnnouncementKind kind) => kind.ToString().ToLowerInvariant();
}
