using System.Globalization;
using System.Text;
using System.Text.Json;
using UnionBot.Core.Plan;

namespace UnionBot.PlanScore;

/// <summary>One hand-labelled activity: the months its heading or cell covers and its title.</summary>
public sealed record LabelledActivity(int[] Months, string Title);

/// <summary>How one document scored: true positives, false positives, false negatives.</summary>
public sealed record DocumentScore(string Name, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores the plan reader against hand labels (../shared/corpus). A predicted activity is a true positive when some
/// gold activity not matched yet has the same normalised title and the same set of months; each gold activity matches
/// at most once, so a doubled prediction is a false positive. Order is not scored. Titles are compared after NFKC,
/// with every quote mark and all whitespace removed (plans mix “”, "" and 「」 and full-width spaces freely).
/// </summary>
public static class PlanScoring
{
    private const string Quotes = "\"'“”‘’「」『』〝〞＂＇";

    /// <summary>
    /// ../shared/corpus beside the repository, or null when the copy of shared/ is not there. A linked git worktree
    /// (.git is a file naming the main repository's worktrees/ entry) also looks beside its main worktree, where
    /// shared/ sits on a developer's machine.
    /// </summary>
    public static string? CorpusDirectory(string repoRoot)
    {
        foreach (var root in Roots(repoRoot))
        {
            var dir = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
            if (Directory.Exists(Path.Combine(dir, "plans")) && Directory.Exists(Path.Combine(dir, "seeds"))) return dir;
        }
        return null;
    }

    /// <summary>Where the corpus is looked for, for the message that says it is absent.</summary>
    public static string ExpectedCorpus(string repoRoot) => Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "corpus"));

    private static IEnumerable<string> Roots(string repoRoot)
    {
        yield return repoRoot;
        var gitFile = Path.Combine(repoRoot, ".git");
        if (!File.Exists(gitFile)) yield break;
        var line = File.ReadLines(gitFile).FirstOrDefault() ?? "";
        if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) yield break;
        // <main>/.git/worktrees/<name>
        var gitDir = new DirectoryInfo(Path.GetFullPath(Path.Combine(repoRoot, line["gitdir:".Length..].Trim())));
        if (gitDir.Parent?.Parent is { Name: ".git" } dotGit && dotGit.Parent is { } main) yield return main.FullName;
    }

    /// <summary>The seeds (repo seeds/, labels in corpus/seeds) then every labelled corpus plan, by name.</summary>
    public static IReadOnlyList<(string Name, string Path, string Labels)> Documents(string repoRoot, string corpus)
    {
        var documents = new List<(string, string, string)>();
        foreach (var labels in Directory.GetFiles(Path.Combine(corpus, "seeds"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileName(labels)[..^".expected.json".Length];
            documents.Add(($"seeds/{stem[..3]}", Path.Combine(repoRoot, "seeds", stem + ".txt"), labels));
        }
        foreach (var labels in Directory.GetFiles(Path.Combine(corpus, "plans"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileName(labels)[..^".expected.json".Length];
            documents.Add(($"plans/{stem}", Path.Combine(corpus, "plans", stem + ".txt"), labels));
        }
        return documents;
    }

    public static IReadOnlyList<LabelledActivity> ReadLabels(string path) =>
        JsonSerializer.Deserialize<List<LabelledActivity>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
        ?? throw new InvalidDataException($"'{path}' holds no label list");

    public static IReadOnlyList<LabelledActivity> Predicted(AnnualPlan plan) =>
        plan.Activities.Select(a => new LabelledActivity(a.Months.Select(m => m.Month).ToArray(), a.Title)).ToList();

    public static DocumentScore Score(string name, IReadOnlyList<LabelledActivity> predicted, IReadOnlyList<LabelledActivity> gold)
    {
        var unmatched = gold.Select(Key).ToList();
        var tp = 0;
        foreach (var p in predicted)
        {
            var index = unmatched.IndexOf(Key(p));
            if (index < 0) continue;
            unmatched.RemoveAt(index);
            tp++;
        }
        return new DocumentScore(name, tp, predicted.Count - tp, gold.Count - tp);
    }

    /// <summary>The scores of several documents pooled: counts summed, then precision, recall and F1 of the sums.</summary>
    public static DocumentScore Micro(string name, IEnumerable<DocumentScore> scores)
    {
        var list = scores.ToList();
        return new DocumentScore(name, list.Sum(s => s.TruePositives), list.Sum(s => s.FalsePositives), list.Sum(s => s.FalseNegatives));
    }

    public static string NormaliseTitle(string title)
    {
        var nfkc = title.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
            if (!char.IsWhiteSpace(c) && !Quotes.Contains(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation))
                sb.Append(c);
        return sb.ToString();
    }

    private static string Key(LabelledActivity a) =>
        string.Join(',', a.Months.Distinct().Order()) + "|" + NormaliseTitle(a.Title);
}
