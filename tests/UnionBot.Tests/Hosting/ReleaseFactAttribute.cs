namespace UnionBot.Tests.Hosting;

/// <summary>
/// A test of the published releases (<c>artifacts/unionbot-linux-x64/</c>, <c>artifacts/unionbot-win-x64/</c>): the
/// trimmed, single-file binary is a different program from the test's <c>UnionBot.dll</c>, so only it shows what trimming
/// or the invariant globalization removed. <c>.ci/run</c> publishes both profiles and names the folder in
/// <c>UNIONBOT_RELEASE</c>; without it the test is skipped with the reason shown.
/// </summary>
public sealed class ReleaseFactAttribute : FactAttribute
{
    public const string Variable = "UNIONBOT_RELEASE";

    public ReleaseFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 })
            Skip = $"release test skipped: {Variable} does not name the publish folder (.ci/run sets it to artifacts/)";
    }

    /// <summary>The folder of one release, e.g. <c>unionbot-linux-x64</c>.</summary>
    public static string Folder(string name) => Path.Combine(Environment.GetEnvironmentVariable(Variable)!, name);
}
