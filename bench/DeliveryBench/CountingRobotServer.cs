using System.Collections.Concurrent;
using System.Net;

namespace DeliveryBench;

/// <summary>A WeCom-shaped robot endpoint on 127.0.0.1 that accepts everything and records when each robot posted.</summary>
internal sealed class CountingRobotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _total;

    private CountingRobotServer(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, ConcurrentQueue<long>> PostsByRobot { get; } = new();
    public int Total => Volatile.Read(ref _total);
    public string BaseUrl => _app.Urls.Single().TrimEnd('/');

    public static async Task<CountingRobotServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new CountingRobotServer(app);
        app.MapPost("/cgi-bin/webhook/send", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync();
            var key = context.Request.Query["key"].ToString();
            server.PostsByRobot.GetOrAdd(key, _ => new()).Enqueue(Environment.TickCount64);
            Interlocked.Increment(ref server._total);
            return Results.Text("{\"errcode\":0,\"errmsg\":\"ok\"}", "application/json");
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>The most posts one robot made within any window of <paramref name="window"/>.</summary>
    public int MaxInAnyWindow(TimeSpan window)
    {
        var max = 0;
        foreach (var posts in PostsByRobot.Values)
        {
            var times = posts.Order().ToList();
            for (int first = 0, last = 0; last < times.Count; last++)
            {
                while (times[last] - times[first] >= (long)window.TotalMilliseconds) first++;
                max = Math.Max(max, last - first + 1);
            }
        }
        return max;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
