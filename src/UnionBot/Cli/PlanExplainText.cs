using System.Text;
using UnionBot.Core.Calendar;
using UnionBot.Core.Plan;

namespace UnionBot.Cli;

/// <summary>
/// <c>plan parse --explain</c>: the schedule part of the plan line by line, each line's number, what it became and what
/// was read from it, so the chair can see which lines gave activities and which the reader passed over and why.
/// </summary>
internal static class PlanExplainText
{
    public static string Format(PlanExplanation explanation)
    {
        var plan = explanation.Plan;
        var sb = new StringBuilder();
        sb.AppendLine($"{plan.Title ?? "(no title)"} — year {plan.Year?.ToString() ?? "not stated"}, {plan.Activities.Count} activities");
        var previous = -1;
        IReadOnlyList<int> heading = [];
        foreach (var line in explanation.Lines)
        {
            if (line.Role == PlanLineRole.Heading) heading = line.Months;
            if (line.Role == PlanLineRole.Outside && line.Reason != SkipReason.EndsSchedule) continue;
            if (previous >= 0 && line.Number > previous + 1) sb.AppendLine("   …");
            previous = line.Number;
            sb.AppendLine($"{line.Number,4} {Label(line.Role, line.Reason),-8} {line.Text.Trim()}{Became(line, heading)}");
        }
        if (previous < 0) sb.AppendLine("(no month-by-month schedule found)");
        foreach (var w in plan.Warnings) sb.AppendLine($"warning: {w}");
        return sb.ToString().TrimEnd();
    }

    private static string Label(PlanLineRole role, SkipReason reason) => role switch
    {
        PlanLineRole.Outside when reason == SkipReason.EndsSchedule => "end",
        PlanLineRole.Blank => "",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <param name="heading">The months of the heading the line is under: an item whose bracketed date narrows them shows its own.</param>
    private static string Became(ExplainedLine line, IReadOnlyList<int> heading)
    {
        var activities = string.Join(" | ", line.Activities.Select(a =>
            line.Role == PlanLineRole.Activity && !a.Months.Select(m => m.Month).SequenceEqual(heading) ? $"{MonthsText(a.Months.Select(m => m.Month))}: {Activity(a)}" : Activity(a)));
        return line.Role switch
        {
            PlanLineRole.Heading => $"  → {MonthsText(line.Months)}{(activities.Length > 0 ? ": " + activities : "")}",
            PlanLineRole.Activity => $"  → {activities}",
            PlanLineRole.Joined => "  → joined to the line before",
            PlanLineRole.Skipped or PlanLineRole.Outside when line.Reason != SkipReason.None => $"  — {SkipReasons.English(line.Reason)}",
            _ => "",
        };
    }

    private static string MonthsText(IEnumerable<int> months) => string.Join("、", months.Select(m => $"{m}月"));

    private static string Activity(PlanActivity a)
    {
        var festival = a.Festival is null ? "" : $" [{Festival.ById(a.Festival)?.Name ?? a.Festival}]";
        return $"{a.Title}{festival}{(a.SignUp ? "" : " (union task)")}";
    }
}
