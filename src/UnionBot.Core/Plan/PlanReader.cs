namespace UnionBot.Core.Plan;

/// <summary>Reads an annual plan file: its bytes decoded (<see cref="PlanText"/>), then parsed (<see cref="PlanParser"/>).</summary>
public static class PlanReader
{
    public static AnnualPlan Read(byte[] bytes) => Read(bytes, "plan");

    /// <param name="name">The file's name or path, for the one-line error of a binary or undecodable file.</param>
    public static AnnualPlan Read(byte[] bytes, string name) => PlanParser.Parse(PlanText.Decode(bytes, name));
}
