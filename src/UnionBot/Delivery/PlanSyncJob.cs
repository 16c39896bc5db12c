using Quartz;
using UnionBot.Core.Announcements;
using UnionBot.Core.Plan;

namespace UnionBot.Delivery;

/// <summary>
/// At start and whenever the plan file changes: upserts the year's announcements into the outbox, then rebuilds the
/// Quartz triggers from the outbox's pending rows and wakes the dispatcher (rows already due go at once).
/// </summary>
[DisallowConcurrentExecution]
public sealed class PlanSyncJob(PlanSync sync, AnnouncementTriggers triggers, DeliveryDispatcher dispatcher, ILogger<PlanSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("plan-sync", "delivery");
    public static readonly TriggerKey AtStart = new("plan-sync-at-start", "delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sync.SyncAsync(reload: !context.Trigger.Key.Equals(AtStart), cancellationToken);
        }
        catch (PlanReadException e)
        {
            // Often a half-written file while the chair saves it: the next change event syncs again.
            logger.LogWarning("The plan could not be read ({Reason}); the outbox keeps the previous schedule", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Plan sync failed; the outbox keeps the previous schedule");
        }
        await triggers.ReplaceAsync(context.Scheduler, cancellationToken);
        dispatcher.Wake();
    }
}
