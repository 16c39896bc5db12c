using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnionBot.Core.Plan;

/// <summary>The one JSON form of an <see cref="AnnualPlan"/> in the database (<c>plan_versions</c>, <c>plan_loads</c>).</summary>
public static class PlanJson
{
    // Chinese stays readable in the database instead of \uXXXX escapes. The bot reads the stored plan at every start:
    // with metadata generated at compile time that takes no reflection over the records and no emitted accessors, which
    // is less code loaded and compiled in a bot that then idles (README, "Start-up and memory").
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = PlanJsonContext.Default,
    };

    public static string Serialize(AnnualPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static AnnualPlan Deserialize(string json) => JsonSerializer.Deserialize<AnnualPlan>(json, Options) ?? AnnualPlan.Empty;

    /// <summary>The plan's warnings as a JSON array (<c>plan_loads.warnings</c>), written at every read of the plan.</summary>
    public static string SerializeWarnings(IReadOnlyList<string> warnings) => JsonSerializer.Serialize(warnings, Options);
}

[JsonSerializable(typeof(AnnualPlan))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
