using UnionBot.Core.Plan;
using UnionBot.PlanScore;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>
/// <see cref="PlanParser.Explain"/>: one record per line of the text saying what the line became, from the same reading
/// as <see cref="PlanParser.Parse"/>; lines inside a schedule that became nothing by a rule that may be wrong are warnings.
/// </summary>
public sealed class PlanExplainTests
{
    private const string Plan = """
        2024年工会工作计划
        一、指导思想
        以科学发展观为指导。
        二、月份安排
        三月份：
        1.庆祝三八节。
        2.组织教职工开展春季登山比赛，地点另行通知，请大家
        积极报名参加。
        - 3 -
        时间：3月下旬
        四月份：植树活动
        1.春游
        全体教职工参加
        2.工会委员会议

        五、保障措施
        加强领导。
        """;

    private static IReadOnlyList<ExplainedLine> Lines(string text) => PlanParser.Explain(text).Lines;

    private static void AssertHeading(ExplainedLine line, params int[] months)
    {
        Assert.Equal(PlanLineRole.Heading, line.Role);
        Assert.Equal(months, line.Months);
    }

    private static (PlanLineRole, SkipReason) RoleOf(IReadOnlyList<ExplainedLine> lines, int number) => (lines[number - 1].Role, lines[number - 1].Reason);

    [Fact]
    public void EveryLineOfTheTextHasOneRecordNumberedFromOne()
    {
        var lines = Lines(Plan);
        Assert.Equal(Plan.Split('\n').Length, lines.Count);
        Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => l.Number));
        Assert.Equal("2.组织教职工开展春季登山比赛，地点另行通知，请大家", lines[6].Text);
    }

    [Fact]
    public void EachLineSaysWhatItBecame()
    {
        var lines = Lines(Plan);
        Assert.Equal(PlanLineRole.Outside, lines[0].Role);
        Assert.Equal(PlanLineRole.Outside, lines[3].Role);
        AssertHeading(lines[4], 3);
        Assert.Equal(["庆祝三八节"], lines[5].Activities.Select(a => a.Title));
        Assert.Equal(PlanLineRole.Activity, lines[5].Role);
        Assert.Equal(["组织教职工开展春季登山比赛，地点另行通知，请大家积极报名参加"], lines[6].Activities.Select(a => a.Title));
        Assert.Equal((PlanLineRole.Joined, SkipReason.None), RoleOf(lines, 8));
        Assert.Equal((PlanLineRole.Skipped, SkipReason.PageNumber), RoleOf(lines, 9));
        Assert.Equal((PlanLineRole.Skipped, SkipReason.Note), RoleOf(lines, 10));
        Assert.Equal((PlanLineRole.Skipped, SkipReason.Detail), RoleOf(lines, 13));
        Assert.Equal((PlanLineRole.Blank, SkipReason.None), RoleOf(lines, 15));
        Assert.Equal((PlanLineRole.Outside, SkipReason.EndsSchedule), RoleOf(lines, 16));
        Assert.Equal((PlanLineRole.Outside, SkipReason.None), RoleOf(lines, 17));
    }

    [Fact]
    public void AHeadingWithItsItemOnTheSameLineListsTheItemOnTheHeadingLine()
    {
        var line = Lines(Plan)[10];
        AssertHeading(line, 4);
        Assert.Equal(["植树活动"], line.Activities.Select(a => a.Title));
    }

    [Fact]
    public void TheExplainedActivitiesAreExactlyTheParsedOnesInOrder()
    {
        var explanation = PlanParser.Explain(Plan);
        Assert.Equal(PlanAssert.Brief(PlanParser.Parse(Plan)), PlanAssert.Brief(explanation.Plan));
        Assert.Equal(explanation.Plan.Activities, explanation.Lines.SelectMany(l => l.Activities));
    }

    [Fact]
    public void OneLineHoldingSeveralActivitiesListsThemAll()
    {
        var lines = Lines("三月份：召开职工代表大会，农历新年慰问退休教职工\n四月份：\n春游\n");
        Assert.Equal(["召开职工代表大会", "农历新年慰问退休教职工"], lines[0].Activities.Select(a => a.Title));
    }

    [Fact]
    public void AnActivityOfAWrappedRunningTextIsOnTheLineItStartsOn()
    {
        var lines = Lines("三月份：\n召开职工代表大会，\n农历新年慰问退休教职工\n四月份：\n春游\n");
        Assert.Equal(["召开职工代表大会"], lines[1].Activities.Select(a => a.Title));
        Assert.Equal(["农历新年慰问退休教职工"], lines[2].Activities.Select(a => a.Title));
        Assert.Equal(PlanLineRole.Activity, lines[2].Role);
    }

    [Fact]
    public void ATableSaysWhichCellsAreTheHeaderTheMonthTheActivityAndTheOtherColumns()
    {
        var lines = Lines("月份|\n活动内容|\n参加范围|\n3月|\n植树活动|\n全体|\n4月|\n春游|\n全体|\n");
        Assert.Equal((PlanLineRole.Skipped, SkipReason.TableHeader), RoleOf(lines, 1));
        Assert.Equal((PlanLineRole.Skipped, SkipReason.TableHeader), RoleOf(lines, 3));
        AssertHeading(lines[3], 3);
        Assert.Equal(["植树活动"], lines[4].Activities.Select(a => a.Title));
        Assert.Equal((PlanLineRole.Skipped, SkipReason.TableColumn), RoleOf(lines, 6));
        Assert.Equal(["春游"], lines[7].Activities.Select(a => a.Title));
    }

    [Fact]
    public void AMarkdownTableRowIsAHeadingWithItsActivities()
    {
        var lines = Lines("| 月份 | 活动 | 备注 |\n|---|---|---|\n| 3月 | 植树活动 | 全体 |\n| 4月 | 春游 | |\n");
        Assert.Equal((PlanLineRole.Skipped, SkipReason.TableHeader), RoleOf(lines, 1));
        AssertHeading(lines[2], 3);
        Assert.Equal(["植树活动"], lines[2].Activities.Select(a => a.Title));
    }

    [Fact]
    public void ADocumentWithoutScheduleIsAllOutside() =>
        Assert.All(Lines("学校工会工作计划\n一、指导思想\n三月份组织春游。\n"), l => Assert.Equal(PlanLineRole.Outside, l.Role));

    [Fact]
    public void TextBetweenNumberedItemsThatGaveNothingIsAWarningNamingItsLine()
    {
        var plan = PlanParser.Parse(Plan);
        var warning = Assert.Single(plan.Warnings);
        Assert.StartsWith("line 13 '全体教职工参加' gave no activity: unnumbered text between numbered items", warning);
        Assert.Contains("--explain", warning);
    }

    [Fact]
    public void PageNumbersNotesAndPlaceholdersAreNoLineWarnings() =>
        Assert.DoesNotContain(PlanParser.Parse("三月份：\n1.春游\n时间：3月下旬\n- 2 -\n四月份：\n无\n五月份：\n1.拔河比赛\n").Warnings,
            w => w.StartsWith("line ", StringComparison.Ordinal));

    [Fact]
    public void ASubItemUnderANumberedItemIsSkippedAsItsDetailAndWarned()
    {
        var explanation = PlanParser.Explain("三月份：\n1.春游\n（1）报名\n（2）出发\n2.植树\n四月份：\n1.拔河比赛\n");
        Assert.Equal((PlanLineRole.Skipped, SkipReason.SubItem), RoleOf(explanation.Lines, 3));
        Assert.Equal(2, explanation.Plan.Warnings.Count);
    }

    [Fact]
    public void EveryReasonHasWordsInEnglishAndChinese() =>
        Assert.All(Enum.GetValues<SkipReason>().Where(r => r != SkipReason.None),
            r => Assert.True(SkipReasons.English(r).Length > 0 && SkipReasons.Chinese(r).Length > 0, r.ToString()));

    [Fact]
    public void EveryActivityOfTheSeedsAndTheCorpusIsOnTheLineItWasReadFrom()
    {
        var corpus = PlanScoring.CorpusDirectory(RepoPaths.Root)
            ?? throw new InvalidOperationException($"the labelled corpus is absent: expected {PlanScoring.ExpectedCorpus(RepoPaths.Root)}");
        foreach (var (name, path, _) in PlanScoring.Documents(RepoPaths.Root, corpus))
        {
            var explanation = PlanReader.Explain(File.ReadAllBytes(path), path);
            Assert.True(explanation.Plan.Activities.SequenceEqual(explanation.Lines.SelectMany(l => l.Activities)), name);
            foreach (var line in explanation.Lines.Where(l => l.Activities.Count > 0))
                Assert.Contains(PlanChars.Normalize(line.Activities[0].Title)[..1], PlanChars.Normalize(line.Text));
        }
    }
}
