using System.Diagnostics;
using UnionBot.Core.Announcements;
using UnionBot.Hosting;

namespace DeliveryBench;

/// <summary>
/// Enqueues 1 000 announcements across 10 WeCom channels into the real outbox and dispatcher (the host's own
/// registrations) against a loopback robot: once with the rate limit off (throughput, memory), once with it on
/// and the window shortened to 1 s (the most posts any robot saw in any window).
/// </summary>
internal static class BenchMain
{
    private const int Channels = 10;
    private const int PerChannel = 100;

    public static async Task<int> Main()
    {
        var off = await RunAsync(maxPerWindow: 0, window: TimeSpan.FromSeconds(60));
        Console.WriteLine($"limit off: {off.Sent} messages in {off.Elapsed.TotalSeconds:0.00} s = {off.Sent / off.Elapsed.TotalSeconds:0} messages/s; " +
                          $"allocated {off.AllocatedMb:0.0} MB, peak working set {off.PeakWorkingSetMb:0} MB, managed heap after {off.HeapMb:0.0} MB");
        var on = await RunAsync(maxPerWindow: 18, window: TimeSpan.FromSeconds(1));
        Console.WriteLine($"limit on (18 per 1 s window): {on.Sent} messages in {on.Elapsed.TotalSeconds:0.00} s; " +
                          $"most posts one robot received in any 1 s window: {on.MaxInWindow} (sender limit 18, platform limit 20)");
        // Measured where the posts arrive: loopback latency jitter can move one post into the next window, which is
        // why the default stays 2 under the platform's 20.
        return on.MaxInWindow <= 20 && off.Sent == Channels * PerChannel && on.Sent == Channels * PerChannel ? 0 : 1;
    }

    private sealed record Result(int Sent, TimeSpan Elapsed, double AllocatedMb, double PeakWorkingSetMb, double HeapMb, int MaxInWindow);

    private static async Task<Result> RunAsync(int maxPerWindow, TimeSpan window)
    {
        await using var robots = await CountingRobotServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("unionbot-bench-");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["UnionBot:Database"] = $"Data Source={Path.Combine(dir.FullName, "bench.db")}",
            ["UnionBot:Plan:Path"] = FindSeed(),
            ["UnionBot:WeCom:ApiBaseUrl"] = robots.BaseUrl,
            ["UnionBot:Delivery:MaxPerMinute"] = maxPerWindow.ToString(),
            ["UnionBot:Delivery:RateWindow"] = window.ToString(),
        };
        for (var i = 0; i < Channels; i++)
        {
            settings[$"UnionBot:Channels:{i}:Id"] = $"bench-{i}";
            settings[$"UnionBot:Channels:{i}:Platform"] = "WeCom";
            settings[$"UnionBot:Channels:{i}:WebhookKey"] = $"key-{i}";
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddUnionBotCore();
        builder.AddPlatforms();
        builder.AddDelivery();
        using var host = builder.Build();
        await host.StartAsync();
        var outbox = host.Services.GetRequiredService<IAnnouncementOutbox>();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < PerChannel; n++)
            for (var c = 0; c < Channels; c++)
                await outbox.EnqueueImmediateAsync($"announce:bench-{n}", new($"通知 {n}", $"### 通知 {n}\n本周五下午三点在报告厅召开全体教职工大会，请准时参加。"), $"bench-{c}", default);
        while (robots.Total < Channels * PerChannel && clock.Elapsed < TimeSpan.FromMinutes(5))
            await Task.Delay(5);
        clock.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
        var result = new Result(robots.Total, clock.Elapsed, allocated, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,
            GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, robots.MaxInAnyWindow(window));
        await host.StopAsync();
        dir.Delete(recursive: true);
        return result;
    }

    private static string FindSeed()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "UnionBot.sln")))
                return Directory.GetFiles(Path.Combine(d.FullName, "seeds"), "000_*").Single();
        throw new InvalidOperationException("run from inside the repository");
    }
}
