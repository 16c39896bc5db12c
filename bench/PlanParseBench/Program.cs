using System.Diagnostics;
using UnionBot.Core.Plan;
using UnionBot.PlanScore;

// Parses all five seeds and every plan of the labelled corpus (../shared/corpus/plans beside the repository or beside
// the main worktree of a linked one; decode + parse + festivals + sign-up kind) in one process: a warm-up, then timed
// full passes. --explain times the line-by-line explanation instead of the plain parse.
const int WarmUp = 100;
const int Passes = 300;

var root = FindRoot();
var explain = args.Contains("--explain");
var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var corpus = folder ?? (PlanScoring.CorpusDirectory(root) is { } found ? Path.Combine(found, "plans") : null);
if (corpus is null || !Directory.Exists(corpus))
{
    Console.Error.WriteLine($"the labelled corpus is absent: expected {Path.Combine(PlanScoring.ExpectedCorpus(root), "plans")} (or pass its plans/ folder as an argument)");
    return 2;
}
var seeds = Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Order()
    .Concat(Directory.GetFiles(corpus, "*.txt").Order())
    .Select(File.ReadAllBytes).ToArray();
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
Console.WriteLine($"{(explain ? "explain" : "parse")}: {seeds.Length} plans (seeds and corpus), {seeds.Sum(s => s.Length) / 1024} KiB, {activities} activities per pass; {Passes} passes after {WarmUp} warm-up");
Console.WriteLine($"full pass: min {times[0]:0.000} ms, median {times[Passes / 2]:0.000} ms, max {times[^1]:0.000} ms");
return 0;

int Pass(byte[][] plans) => plans.Sum(bytes => explain ? PlanReader.Explain(bytes, "plan").Plan.Activities.Count : PlanReader.Read(bytes).Activities.Count);

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "UnionBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("UnionBot.sln not found");
}
