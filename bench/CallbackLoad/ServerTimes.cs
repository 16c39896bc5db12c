using System.Diagnostics.Metrics;
namespace CallbackLoad;
/// <summary>Diagnostic: ASP.NET Core's own http.server.request.duration, per route, collected in-process.</summary>
public sealed class ServerTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Route, double Ms)> _all = new();
    public ServerTimes()
    {
        _listener.InstrumentPublished = (i, l) => { if (i.Name == "http.server.request.duration") l.EnableMeasurementEvents(i); };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) =>
        {
            string route = "";
            foreach (var t in tags) if (t.Key == "http.route") route = t.Value?.ToString() ?? "";
            _all.Enqueue((route, v * 1000));
        });
        _listener.Start();
    }
    public string Take()
    {
        var list = new List<(string, double)>();
        while (_all.TryDequeue(out var x)) list.Add(x);
        return string.Join("; ", list.GroupBy(x => x.Item1).Select(g =>
        {
            var a = g.Select(x => x.Item2).OrderBy(x => x).ToArray();
            return $"server {g.Key}: n={a.Length} p50 {a[a.Length / 2]:F2} p99 {a[(int)(a.Length * 0.99)]:F2} max {a[^1]:F2} ms";
        }));
    }
    public void Dispose() => _listener.Dispose();
}
