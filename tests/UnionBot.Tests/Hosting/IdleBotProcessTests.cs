using System.Net;

namespace UnionBot.Tests.Hosting;

/// <summary>
/// What a bot that nobody writes to keeps in memory: a real process (its own assemblies are files in /proc/pid/maps),
/// after its start, its plan sync and two /healthz (README, "Start-up and memory").
/// </summary>
public sealed class IdleBotProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // a cold start on a machine shared with other builds

    [Fact]
    public async Task AnIdleBotHasNotLoadedDapperNorTheXmlItsTypeMapNames()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var data = new Support.TempDirectory();
        using var bot = BotProcess.Start(null, $"--UnionBot:Database=Data Source={data.File("unionbot.db")}");
        var address = await bot.ListeningAsync(Patience);
        using var http = new HttpClient { BaseAddress = address };

        // The plan sync runs at start on Quartz's threads: /healthz reports the plan once it has been read and the
        // outbox synced, then the dispatcher has looked for due rows.
        await WaitUntilAsync(async () => (await (await http.GetAsync("/healthz")).Content.ReadAsStringAsync()).Contains("announcements for", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        var mapped = File.ReadAllLines($"/proc/{bot.Id}/maps").Select(l => Path.GetFileName(l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last()))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("UnionBot.Core.dll", mapped);
        Assert.DoesNotContain("Dapper.dll", mapped);
        Assert.DoesNotContain("System.Private.Xml.dll", mapped);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the plan was not read in time");
            await Task.Delay(100);
        }
    }
}
