using System.Text;
using System.Text.Json.Serialization;
using UnionBot.Core.Announcements;
using UnionBot.Core.Calendar;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;

namespace UnionBot.Cli;

/// <summary>
/// The exact JSON shape of <c>plan parse --json</c> (SPEC section 3). Title and year are always written — null when the
/// plan states none — while an activity's festival is left out when it has none.
/// </summary>
internal sealed record PlanJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Year,
    IReadOnlyList<ActivityJson> Activities,
    IReadOnlyList<string> Warnings)
{
    public static PlanJson From(AnnualPlan plan) => new(
        plan.Title,
        plan.Year,
        plan.Activities.Select(a => new ActivityJson(a.Months.Select(m => m.Month).ToArray(), a.Title, a.Festival, a.SignUp)).ToArray(),
        plan.Warnings);

    public static string Table(AnnualPlan plan)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{plan.Title ?? "(no title)"} — year {plan.Year?.ToString() ?? "not stated"}, {plan.Activities.Count} activities");
        foreach (var a in plan.Activities)
        {
            var months = string.Join("、", a.Months.Select(m => $"{m.Month}月"));
            var festival = a.Festival is null ? "" : $"  [{Festival.ById(a.Festival)?.Name ?? a.Festival}]";
            sb.AppendLine($"{months,-8} {a.Title}{festival}");
        }
        foreach (var w in plan.Warnings) sb.AppendLine($"warning: {w}");
        return sb.ToString().TrimEnd();
    }
}

internal sealed record ActivityJson(int[] Months, string Title, string? Festival, [property: JsonPropertyName("signup")] bool SignUp);

/// <summary>One element of <c>plan schedule --json</c>.</summary>
internal sealed record ScheduleJson(string At, string Kind, string Title, string Text)
{
    public static ScheduleJson From(Announcement a) =>
        new(a.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            PlanSync.KindName(a.Kind), a.Title, a.Text);

    public static string Table(IReadOnlyList<Announcement> announcements)
    {
        var sb = new StringBuilder();
        foreach (var a in announcements)
            sb.AppendLine($"{a.At:yyyy-MM-dd HH:mm}  {PlanSync.KindName(a.Kind),-8}  {a.Title}");
        sb.Append($"{announcements.Count} announcements");
        return sb.ToString();
    }
}
