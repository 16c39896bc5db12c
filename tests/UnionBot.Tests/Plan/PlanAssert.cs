using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Compares activities item for item, naming the first one that differs (records compare month lists by reference).</summary>
public static class PlanAssert
{
    public static void SameActivities(IReadOnlyList<PlanActivity> expected, IReadOnlyList<PlanActivity> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.True(e.Title == a.Title, $"item {i}: expected title '{e.Title}', got '{a.Title}'");
            Assert.True(e.Months.SequenceEqual(a.Months), $"item {i} '{e.Title}': expected months {Show(e.Months)}, got {Show(a.Months)}");
            Assert.True(e.Festival == a.Festival, $"item {i} '{e.Title}': expected festival {e.Festival ?? "none"}, got {a.Festival ?? "none"}");
            Assert.True(e.ScheduleIndex == a.ScheduleIndex, $"item {i} '{e.Title}': expected schedule {e.ScheduleIndex}, got {a.ScheduleIndex}");
        }
        if (expected.Count == actual.Count) return;
        var first = actual.Count > expected.Count ? $"first extra: '{actual[expected.Count].Title}'" : $"first missing: '{expected[actual.Count].Title}'";
        Assert.Fail($"expected {expected.Count} activities, got {actual.Count}; {first}");
    }

    /// <summary>Titles and months only, for short synthetic plans: "3:庆祝三八节" or "12+1':元旦" (' marks next year).</summary>
    public static string[] Brief(AnnualPlan plan) =>
        plan.Activities.Select(a => $"{string.Join('+', a.Months.Select(m => m.YearOffset == 1 ? $"{m.Month}'" : $"{m.Month}"))}:{a.Title}").ToArray();

    private static string Show(IReadOnlyList<PlanMonth> months) =>
        "[" + string.Join(", ", months.Select(m => m.YearOffset == 0 ? $"{m.Month}" : $"{m.Month}(+{m.YearOffset})")) + "]";
}
