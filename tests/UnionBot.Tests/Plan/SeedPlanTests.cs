using UnionBot.Core.Plan;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>Every seed gives exactly the activities written by hand from the document.</summary>
public sealed class SeedPlanTests
{
    private static AnnualPlan Read(string seed) => PlanReader.Read(File.ReadAllBytes(RepoPaths.Seed(seed)));

    [Fact]
    public void Seed000GivesTheHandWrittenActivitiesTitleAndYear()
    {
        var plan = Read("000");
        PlanAssert.SameActivities(Seed000.Activities, plan.Activities);
        Assert.Equal(Seed000.Title, plan.Title);
        Assert.Equal(2023, plan.Year);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Seed000MarksExactlyTheUnionsOwnTasksAsNoSignUp() =>
        Assert.Equal(Seed000.UnionTasks.Order(StringComparer.Ordinal), Read("000").Activities.Where(a => !a.SignUp).Select(a => a.Title).Order(StringComparer.Ordinal));

    [Fact]
    public void Seed001HasNoScheduleSoNoActivitiesAndOneWarning()
    {
        var plan = Read("001");
        PlanAssert.SameActivities(Seed001.Activities, plan.Activities);
        Assert.Equal(Seed001.Title, plan.Title);
        Assert.Null(plan.Year);
        Assert.Equal([PlanParser.NoScheduleWarning], plan.Warnings);
    }

    [Fact]
    public void Seed002YieldsBothSchedulesOfTheCollection()
    {
        var plan = Read("002");
        PlanAssert.SameActivities(Seed002.Activities, plan.Activities);
        Assert.Equal(Seed002.Title, plan.Title);
        Assert.Null(plan.Year);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Seed003GivesTheHandWrittenActivitiesTitleAndYear()
    {
        var plan = Read("003");
        PlanAssert.SameActivities(Seed003.Activities, plan.Activities);
        Assert.Equal(Seed003.Title, plan.Title);
        Assert.Equal(2013, plan.Year);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Seed004GivesTheHandWrittenActivitiesTitleAndYear()
    {
        var plan = Read("004");
        PlanAssert.SameActivities(Seed004.Activities, plan.Activities);
        Assert.Equal(Seed004.Title, plan.Title);
        Assert.Equal(2022, plan.Year);
        Assert.Empty(plan.Warnings);
    }
}
