using UnionBot.Core.Plan;

namespace UnionBot.Cli;

/// <summary>Reads a plan file for the verbs; a bad path or file is a <see cref="PlanReadException"/> (exit 2, one line).</summary>
internal static class PlanFile
{
    public static AnnualPlan Read(string path) => PlanReader.Read(PlanReader.ReadBytes(path), path);

    public static PlanExplanation Explain(string path) => PlanReader.Explain(PlanReader.ReadBytes(path), path);
}
