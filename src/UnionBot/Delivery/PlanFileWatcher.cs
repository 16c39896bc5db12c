using Microsoft.Extensions.Options;
using Quartz;
using UnionBot.Core.Options;

namespace UnionBot.Delivery;

/// <summary>
/// Watches the plan file: any write, creation, rename or deletion triggers <see cref="PlanSyncJob"/> (which is
/// idempotent). A deleted file is a failed read: the schedule stays, and the log and /healthz say so.
/// </summary>
public sealed class PlanFileWatcher(ISchedulerFactory schedulers, IOptions<UnionBotOptions> options, ILogger<PlanFileWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.Plan.Path);
        var folder = Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder)) return Task.CompletedTask;
        _watcher = new FileSystemWatcher(folder, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Trigger();
        _watcher.Created += (_, _) => Trigger();
        _watcher.Renamed += (_, _) => Trigger();
        _watcher.Deleted += (_, _) => Trigger();
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();

    private void Trigger() => _ = TriggerAsync();

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            await scheduler.TriggerJob(PlanSyncJob.Key);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The plan file changed but the re-sync could not be started");
        }
    }
}
