using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>
/// Seed 001 (学期工会工作计划(精选5篇)): five sample plans written as prose and numbered lists; the only month words are
/// 每月 inside sentences. It has no month-by-month schedule: no activities, one warning, no year in the title.
/// </summary>
public static class Seed001
{
    public const string Title = "学期工会工作计划(精选5篇)";

    public static IReadOnlyList<PlanActivity> Activities { get; } = [];
}
