using System.Diagnostics;
using UnionBot.Core.Plan;

// Parses all five seeds (decode + parse + festivals) in one process: a warm-up, then timed full passes.
const int WarmUp = 100;
const int Passes = 300;

var seeds = Directory.GetFiles(Path.Combine(FindRoot(), "seeds"), "*.txt").Order().Select(File.ReadAllBytes).ToArray();
var activities = 0;
for (var i = 0; i < WarmUp; i++) activities = Pass(seeds);

var times = new double[Passes];
for (var i = 0; i < Passes; i++)
{
    var start = Stopwatch.GetTimestamp();
    Pass(seeds);
    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
Array.Sort(times);
Console.WriteLine($"{seeds.Length} seeds, {seeds.Sum(s => s.Length) / 1024} KiB, {activities} activities per pass; {Passes} passes after {WarmUp} warm-up");
Console.WriteLine($"full pass: min {times[0]:0.000} ms, median {times[Passes / 2]:0.000} ms, max {times[^1]:0.000} ms");
return;

static int Pass(byte[][] seeds) => seeds.Sum(bytes => PlanReader.Read(bytes).Activities.Count);

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "UnionBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("UnionBot.sln not found");
}
