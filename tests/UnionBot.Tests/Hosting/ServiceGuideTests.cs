using System.Text.RegularExpressions;
using UnionBot.Hosting;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Hosting;

/// <summary>
/// The service set-up the guide tells the IT teacher to type matches the bot: a Windows service cannot be started on
/// this machine, so the name the bot logs under and the commands in the guide are held together here.
/// </summary>
public sealed partial class ServiceGuideTests
{
    [Fact]
    public void TheGuidesScExeLinesCreateStartAndStopTheServiceUnderTheBotsOwnNameFromTheReleaseExecutable()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "部署指南.md"));

        var create = ScCreate().Match(guide);

        Assert.True(create.Success, "the guide has no `sc.exe create … binPath= \"…\\UnionBot.exe\"` line");
        Assert.Equal(ServiceHostingExtensions.ServiceName, create.Groups["name"].Value);
        Assert.Contains($"sc.exe start {ServiceHostingExtensions.ServiceName}", guide);
        Assert.Contains($"sc.exe stop {ServiceHostingExtensions.ServiceName}", guide);
    }

    [Fact]
    public void TheSampleUnitFileWaitsForTheBotsReadySignalAndStartsTheReleaseExecutable()
    {
        var unit = File.ReadAllLines(Path.Combine(RepoPaths.Root, "deploy", "unionbot.service"));

        Assert.Contains("Type=notify", unit);
        Assert.Contains(unit, l => l.StartsWith("ExecStart=", StringComparison.Ordinal) && l.EndsWith("/UnionBot", StringComparison.Ordinal));
        // The JIT writes code at run time; MemoryDenyWriteExecute would stop the runtime at start.
        Assert.DoesNotContain(unit, l => l.StartsWith("MemoryDenyWriteExecute=true", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"sc\.exe create (?<name>\S+) binPath= ""[^""]*\\UnionBot\.exe""")]
    private static partial Regex ScCreate();
}
