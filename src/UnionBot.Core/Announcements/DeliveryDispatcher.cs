using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Announcements;

/// <summary>
/// The hosted service that posts due outbox rows: one <see cref="ChannelWorker"/> per channel. It sleeps until
/// woken by an enqueue, a Quartz trigger at an announcement's time, or its own timers (rate window, pause, retry).
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryChannels channels,
    OutboxStore store,
    DeliveryStatus status,
    IOptions<UnionBotOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, ChannelWorker> _workers = channels.All.ToDictionary(
        c => c.Id,
        c => new ChannelWorker(c, store, status, options.Value, time, logger));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = await store.RecoverInterruptedAsync(cancellationToken);
        if (recovered.Count > 0)
            logger.LogWarning("{Count} announcements were being sent when the bot stopped and are sent again; a group may see them twice if the platform had already taken them (README, Exactly once): {Keys}",
                recovered.Count, string.Join(", ", recovered));
        // Running from here on: the workers start on the thread pool a moment later, and /healthz asked in between
        // (a monitor probing as soon as the bot reports ready) must not call a starting dispatcher stopped.
        status.DispatcherRunning = true;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Also when stopped before ExecuteAsync began: then its finally below never runs.
        status.DispatcherRunning = false;
    }

    /// <summary>Asks one channel's worker (or all of them) to look for due rows now.</summary>
    public void Wake(string? channelId = null)
    {
        if (channelId is null)
            foreach (var worker in _workers.Values) worker.Wake();
        else if (_workers.TryGetValue(channelId, out var worker))
            worker.Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            logger.LogInformation("Delivering announcements to {Channels}", string.Join(", ", _workers.Keys));
            var workers = _workers.Values.Select(w => Task.Run(() => w.RunAsync(stoppingToken), CancellationToken.None)).ToList();
            // Runs until the host stops, even with no channel to serve, so that /healthz tells a stopped dispatcher apart.
            try { await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken); }
            catch (OperationCanceledException) { }
            await Task.WhenAll(workers);
        }
        finally
        {
            status.DispatcherRunning = false;
        }
    }
}
