using System.Diagnostics;

namespace CallbackLoad;

public sealed record Figures(string Name, int Requests, int Failures, double PerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    public override string ToString() =>
        $"{Name,-22} {Requests,6} req  {Failures,4} failed  {PerSecond,8:F0}/s  p50 {P50Ms,6:F2} ms  p99 {P99Ms,6:F2} ms  max {MaxMs,7:F2} ms";
}

public static class Measure
{
    /// <summary>Runs <paramref name="send"/> for 0..n-1 with <paramref name="concurrency"/> workers; true = success.</summary>
    public static async Task<Figures> RunAsync(string name, int n, int concurrency, Func<int, Task<bool>> send)
    {
        var latencies = new double[n];
        var failures = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < n;)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await send(i); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ok = false; }
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }
        }));
        wall.Stop();
        Array.Sort(latencies);
        return new Figures(name, n, failures, n / wall.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
