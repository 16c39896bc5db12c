using System.Text.Encodings.Web;
using System.Text.Json;

namespace UnionBot.Core.Plan;

/// <summary>The one JSON form of an <see cref="AnnualPlan"/> in the database (<c>plan_versions</c>, <c>plan_loads</c>).</summary>
public static class PlanJson
{
    // Chinese stays readable in the database instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(AnnualPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static AnnualPlan Deserialize(string json) => JsonSerializer.Deserialize<AnnualPlan>(json, Options) ?? AnnualPlan.Empty;
}
