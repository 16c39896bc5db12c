using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Support;
using static UnionBot.Tests.Schedule.TestPlans;

namespace UnionBot.Tests.Schedule;

/// <summary>Every shipped plan, read by the real reader, gives a schedule the delivery can trust.</summary>
public sealed class SeedSchedulesTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void EverySeedGivesASortedScheduleWithUniqueKeysAndBothAlwaysGreetedFestivals(string seed)
    {
        var plan = PlanReader.Read(File.ReadAllBytes(RepoPaths.Seed(seed)));

        var schedule = ScheduleBuilder.Build(plan, 2026, new(), Shanghai, Holidays);

        Assert.Equal(schedule.OrderBy(a => a.At), schedule);
        Assert.Equal(schedule.Count, schedule.Select(a => a.Key).Distinct().Count());
        Assert.Contains(schedule, a => a.Key == "festival:womens-day:2026");
        Assert.Contains(schedule, a => a.Key == "festival:teachers-day:2026");
        Assert.All(schedule, a => Assert.Equal(TimeSpan.FromHours(8), a.At.Offset));
        Assert.All(schedule, a => Assert.False(string.IsNullOrWhiteSpace(a.Text)));
    }

    [Theory]
    [InlineData(1901)]
    [InlineData(2099)]
    public void TheFirstAndLastYearsTheCommandLineAcceptsCanBeScheduled(int year)
    {
        var schedule = ScheduleBuilder.Build(Plan.Seed000.Plan, year, new(), Shanghai, Holidays);

        Assert.Contains(schedule, a => a.Key == $"festival:new-year:{year + 1}");
    }
}
