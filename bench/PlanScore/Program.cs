using UnionBot.Core.Plan;
using UnionBot.PlanScore;

// Scores the plan reader on the seeds and the labelled corpus (../shared/corpus beside the repository):
// precision, recall and F1 per document, then micro-averaged over the seeds, the corpus and both.
var root = FindRoot();
if (PlanScoring.CorpusDirectory(root) is not { } corpus)
{
    Console.Error.WriteLine($"the labelled corpus is absent: expected {PlanScoring.ExpectedCorpus(root)} (plans/ and seeds/ of shared/ beside the repository)");
    return 2;
}

// --diff prints, per document, the labelled activities not found (-) and the ones found that are not labelled (+).
var diff = args.Contains("--diff");
var scores = new List<DocumentScore>();
Console.WriteLine($"{"document",-24} {"gold",5} {"found",5} {"tp",4} {"P",6} {"R",6} {"F1",6}");
foreach (var (name, path, labels) in PlanScoring.Documents(root, corpus))
{
    var gold = PlanScoring.ReadLabels(labels);
    var predicted = PlanScoring.Predicted(PlanReader.Read(File.ReadAllBytes(path), path));
    var score = PlanScoring.Score(name, predicted, gold);
    scores.Add(score);
    Print(score, gold.Count, predicted.Count);
    if (diff) PrintDiff(predicted, gold);
}
Console.WriteLine();
Print(PlanScoring.Micro("seeds (micro)", scores.Where(s => s.Name.StartsWith("seeds/", StringComparison.Ordinal))));
Print(PlanScoring.Micro("corpus (micro)", scores.Where(s => s.Name.StartsWith("plans/", StringComparison.Ordinal))));
Print(PlanScoring.Micro("all (micro)", scores));
return 0;

static void Print(DocumentScore s, int? gold = null, int? found = null) =>
    Console.WriteLine($"{s.Name,-24} {gold ?? s.TruePositives + s.FalseNegatives,5} {found ?? s.TruePositives + s.FalsePositives,5} {s.TruePositives,4} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.F1,6:0.000}");

static void PrintDiff(IReadOnlyList<LabelledActivity> predicted, IReadOnlyList<LabelledActivity> gold)
{
    static string Key(LabelledActivity a) => string.Join(',', a.Months.Distinct().Order()) + " " + PlanScoring.NormaliseTitle(a.Title);
    var extra = predicted.Select(Key).ToList();
    foreach (var g in gold)
        if (!extra.Remove(Key(g))) Console.WriteLine($"    - {Key(g)}");
    foreach (var e in extra) Console.WriteLine($"    + {e}");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "UnionBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("UnionBot.sln not found");
}
