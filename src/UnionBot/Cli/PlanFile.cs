using UnionBot.Core.Plan;

namespace UnionBot.Cli;

/// <summary>Reads a plan file for the verbs, turning every way a path can be wrong into one clear line.</summary>
internal static class PlanFile
{
    public static AnnualPlan Read(string path)
    {
        if (Directory.Exists(path)) throw new UsageException($"'{path}' is a directory, not a plan file");
        if (!File.Exists(path)) throw new UsageException($"no such file: '{path}'");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {e.Message}");
        }
        return PlanReader.Read(bytes, path);
    }
}
