namespace UnionBot.Core.Plan;

/// <summary>A calendar month of the plan; <see cref="YearOffset"/> is 1 for a month that follows December in the plan's order.</summary>
public readonly record struct PlanMonth(int Month, int YearOffset = 0);

/// <summary>One activity item of a month-by-month schedule.</summary>
/// <param name="Months">Every month its heading covers, in order (七、八月份 → 7, 8).</param>
/// <param name="Title">The item text without its numbering and trailing 。；;</param>
/// <param name="Festival">A festival id (SPEC section 5) when the item is about that festival.</param>
/// <param name="ScheduleIndex">Which schedule of the document it belongs to (a collection has several).</param>
/// <param name="SignUp">Whether teachers sign up for it (an event) or it is the union's own task (<see cref="ActivityKind"/>).</param>
public sealed record PlanActivity(IReadOnlyList<PlanMonth> Months, string Title, string? Festival, int ScheduleIndex = 0, bool SignUp = true);

/// <summary>What the reader found in an annual plan document.</summary>
public sealed record AnnualPlan(string? Title, int? Year, IReadOnlyList<PlanActivity> Activities, IReadOnlyList<string> Warnings)
{
    public static AnnualPlan Empty { get; } = new(null, null, [], []);
}
