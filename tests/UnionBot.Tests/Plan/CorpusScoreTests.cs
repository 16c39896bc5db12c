using UnionBot.Core.Plan;
using UnionBot.PlanScore;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>
/// The reader's score on the labelled corpus (../shared/corpus, as bench/PlanScore computes it) stays above a floor a
/// little under what it reaches, so a rule that breaks real plans fails here. CI has shared/ beside the clone; a run
/// without it fails with a message saying so rather than passing on nothing.
/// </summary>
public sealed class CorpusScoreTests
{
    private const double CorpusFloor = 0.97;
    private const double SeedsFloor = 0.99;

    [Fact]
    public void TheCorpusMicroF1StaysAboveTheFloor() =>
        Assert.True(Micro("plans/").F1 >= CorpusFloor, $"corpus micro-F1 {Micro("plans/").F1:0.000} < {CorpusFloor}");

    [Fact]
    public void TheSeedsMicroF1StaysAboveTheFloor() =>
        Assert.True(Micro("seeds/").F1 >= SeedsFloor, $"seeds micro-F1 {Micro("seeds/").F1:0.000} < {SeedsFloor}");

    [Fact]
    public void EveryTitleComparisonIgnoresQuoteStylesWidthAndWhitespace() =>
        Assert.Equal(PlanScoring.NormaliseTitle("“三八”节\u3000活动（一）"), PlanScoring.NormaliseTitle("\"三八\"节 活动(一)"));

    [Fact]
    public void ADoubledPredictionIsAFalsePositiveAndMonthsAreASet()
    {
        var gold = new[] { new LabelledActivity([7, 8], "暑期旅游") };
        var score = PlanScoring.Score("x", [new([8, 7], "暑期旅游"), new([8, 7], "暑期旅游"), new([7], "暑期旅游")], gold);
        Assert.Equal((1, 2, 0), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
    }

    private static DocumentScore Micro(string prefix)
    {
        var corpus = PlanScoring.CorpusDirectory(RepoPaths.Root)
            ?? throw new InvalidOperationException($"the labelled corpus is absent: expected {PlanScoring.ExpectedCorpus(RepoPaths.Root)} (shared/ beside the repository, as in CI)");
        var scores = PlanScoring.Documents(RepoPaths.Root, corpus)
            .Where(d => d.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => PlanScoring.Score(d.Name, PlanScoring.Predicted(PlanReader.Read(File.ReadAllBytes(d.Path), d.Path)), PlanScoring.ReadLabels(d.Labels)))
            .ToList();
        Assert.NotEmpty(scores);
        return PlanScoring.Micro(prefix, scores);
    }
}
