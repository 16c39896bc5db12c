using UnionBot.Core.Plan;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>Every seed gives exactly the activities written by hand from the document.</summary>
public sealed class SeedPlanTests
{
    private static readonly Dictionary<string, (IReadOnlyList<PlanActivity> Activities, string Title, int? Year, string[] Warnings)> Expected = new()
    {
        ["000"] = (Seed000.Activities, Seed000.Title, 2023, []),
        // No month-by-month schedule: no activities, and the warning that says so.
        ["001"] = (Seed001.Activities, Seed001.Title, null, [PlanParser.NoScheduleWarning]),
        // A collection of plans: both schedules, and no single year.
        ["002"] = (Seed002.Activities, Seed002.Title, null, []),
        ["003"] = (Seed003.Activities, Seed003.Title, 2013, []),
        ["004"] = (Seed004.Activities, Seed004.Title, 2022, []),
    };

    private static AnnualPlan Read(string seed) => PlanReader.Read(File.ReadAllBytes(RepoPaths.Seed(seed)));

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void EachSeedGivesTheHandWrittenActivitiesTitleYearAndWarnings(string seed)
    {
        var expected = Expected[seed];
        var plan = Read(seed);
        PlanAssert.SameActivities(expected.Activities, plan.Activities);
        Assert.Equal(expected.Title, plan.Title);
        Assert.Equal(expected.Year, plan.Year);
        Assert.Equal(expected.Warnings, plan.Warnings);
    }

    [Fact]
    public void Seed000MarksExactlyTheUnionsOwnTasksAsNoSignUp() =>
        Assert.Equal(Seed000.UnionTasks.Order(StringComparer.Ordinal), Read("000").Activities.Where(a => !a.SignUp).Select(a => a.Title).Order(StringComparer.Ordinal));
}
