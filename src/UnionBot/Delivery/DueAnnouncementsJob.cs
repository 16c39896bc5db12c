using Quartz;
using UnionBot.Core.Announcements;

namespace UnionBot.Delivery;

/// <summary>Fired by an announcement's trigger at its time: the rows are already in the outbox, so it only wakes the dispatcher.</summary>
public sealed class DueAnnouncementsJob(DeliveryDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("due-announcements", "delivery");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        dispatcher.Wake();
        return ValueTask.CompletedTask;
    }
}
