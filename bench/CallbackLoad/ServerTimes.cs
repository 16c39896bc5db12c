using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CallbackLoad;

/// <summary>
/// ASP.NET Core's own <c>http.server.request.duration</c> for every request, by route, read in this process (the host
/// runs here). Set beside the client's figures it tells time spent inside the bot from time spent reaching it.
/// </summary>
public sealed class ServerTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Route, double Ms)> _seen = new();

    public ServerTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Name: "http.server.request.duration", Meter.Name: "Microsoft.AspNetCore.Hosting" })
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var route = "";
            foreach (var tag in tags)
                if (tag.Key == "http.route") route = tag.Value?.ToString() ?? "";
            _seen.Enqueue((route, seconds * 1000));
        });
        _listener.Start();
    }

    /// <summary>Figures for the requests since the last call, one line per route; clears them.</summary>
    public string Take()
    {
        var taken = new List<(string Route, double Ms)>();
        while (_seen.TryDequeue(out var x)) taken.Add(x);
        return string.Join(Environment.NewLine, taken.GroupBy(x => x.Route).Select(g =>
        {
            var sorted = g.Select(x => x.Ms).Order().ToArray();
            return $"server-side {g.Key,-31} {sorted.Length,6} req  p50 {Measure.Percentile(sorted, 0.50),6:F2} ms  " +
                   $"p99 {Measure.Percentile(sorted, 0.99),6:F2} ms  max {sorted[^1],7:F2} ms";
        }));
    }

    public void Dispose() => _listener.Dispose();
}
