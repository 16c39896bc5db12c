using System.Text.RegularExpressions;
using UnionBot.Core.Plan;
using UnionBot.PlanScore;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>
/// Word versions of corpus plans, built in code from ../shared/corpus (as a chair would have typed them in Word): the
/// numbered lists of 09 as automatic numbering, the flattened table of 01 as a real table. The same activities come
/// out as from the text.
/// </summary>
public sealed partial class DocxCorpusTests
{
    [Fact]
    public void Plan09WithWordsAutomaticNumberingGivesTheSameActivities()
    {
        var lines = CorpusLines("09");
        var doc = new DocxBuilder();
        var list = doc.List(("decimal", "%1."));
        var instance = list;
        foreach (var line in lines)
        {
            if (Numbered().Match(line) is { Success: true } m)
            {
                // Each month's list starts at 1 again: Word's "restart numbering" is a new instance with a start override.
                if (m.Groups[1].Value == "1") instance = doc.Instance(1, restartAt: 1);
                doc.Paragraph(m.Groups[2].Value, instance);
            }
            else doc.Paragraph(line);
        }
        AssertSameActivities("09", doc.Build());
    }

    [Fact]
    public void Plan01WithARealTableGivesTheSameActivities()
    {
        var lines = CorpusLines("01");
        var doc = new DocxBuilder();
        var cells = new List<string>();
        foreach (var line in lines)
        {
            if (line.EndsWith('|')) cells.Add(line.TrimEnd('|').Trim());
            else doc.Paragraph(line);
        }
        doc.Table(cells.Chunk(3).Select(row => row.ToArray()).ToArray());
        AssertSameActivities("01", doc.Build());
    }

    private static void AssertSameActivities(string name, byte[] docx)
    {
        var fromText = PlanReader.Read(File.ReadAllBytes(CorpusPlan(name)), name + ".txt");
        var fromWord = PlanReader.Read(docx, name + ".docx");
        Assert.Equal(PlanAssert.Brief(fromText), PlanAssert.Brief(fromWord));
        var gold = PlanScoring.ReadLabels(Path.ChangeExtension(CorpusPlan(name), ".expected.json"));
        Assert.True(PlanScoring.Score(name, PlanScoring.Predicted(fromWord), gold).F1 >= 0.95);
    }

    private static IEnumerable<string> CorpusLines(string name) =>
        File.ReadAllLines(CorpusPlan(name)).Skip(1).Where(l => l.Trim().Length > 0);

    private static string CorpusPlan(string name)
    {
        var corpus = PlanScoring.CorpusDirectory(RepoPaths.Root)
            ?? throw new InvalidOperationException($"the labelled corpus is absent: expected {PlanScoring.ExpectedCorpus(RepoPaths.Root)} (shared/ beside the repository, as in CI)");
        return Path.Combine(corpus, "plans", name + ".txt");
    }

    [GeneratedRegex(@"^(\d+)\.\s*(.*)$")]
    private static partial Regex Numbered();
}
