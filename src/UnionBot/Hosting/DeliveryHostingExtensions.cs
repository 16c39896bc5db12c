using Quartz;
using UnionBot.Core.Announcements;
using UnionBot.Delivery;

namespace UnionBot.Hosting;

public static class DeliveryHostingExtensions
{
    /// <summary>The outbox, its dispatcher, Quartz (plan sync at start and on change, one trigger per announcement) and their health checks.</summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DeliveryChannels>();
        services.AddSingleton<DeliveryStatus>();
        services.AddSingleton<PlanSync>();
        services.AddSingleton<AnnouncementTriggers>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<AnnouncementOutbox>();
        services.AddSingleton<IAnnouncementOutbox>(sp => sp.GetRequiredService<AnnouncementOutbox>());
        // Before Quartz: the dispatcher migrates and recovers interrupted rows before the first trigger fires.
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());

        services.AddQuartz(q =>
        {
            q.UseInMemoryStore(); // the outbox is the source of truth; triggers are rebuilt from it (README, Delivery)
            q.AddJob<DueAnnouncementsJob>(j => j.WithIdentity(DueAnnouncementsJob.Key).StoreDurably());
            q.AddJob<PlanSyncJob>(j => j.WithIdentity(PlanSyncJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(PlanSyncJob.Key).WithIdentity(PlanSyncJob.AtStart).StartNow());
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // Start the scheduler inside host start, not after it: /healthz must not answer 503 in the first moments.
            o.AwaitApplicationStarted = false;
        });
        services.AddHostedService<PlanFileWatcher>();

        services.AddHealthChecks()
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<ChannelsHealthCheck>("channels");
        return builder;
    }
}
