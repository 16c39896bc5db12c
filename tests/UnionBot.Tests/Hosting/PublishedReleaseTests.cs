using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Hosting;

/// <summary>
/// The published releases as the IT teacher uses them (guide, sections 1, 2 and 8). The Linux one runs here: trimmed and
/// without ICU, it must still read a Chinese plan, answer commands, write its database and back it up. The Windows one
/// cannot run on Linux, so its folder and the switches its executable carries are checked instead.
/// </summary>
public sealed class PublishedReleaseTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // a cold start on a machine shared with other builds

    [ReleaseFact]
    public async Task TheLinuxReleaseStartedFromAnotherFolderUsesTheConfigAndDataFoldersBesideItsExecutable()
    {
        using var release = CopyOf("unionbot-linux-x64");
        using var elsewhere = new TempDirectory(); // where a service manager starts it: C:\Windows\System32, /
        File.WriteAllText(Path.Combine(release.Path, "config", "unionbot.local.json"),
            """{ "UnionBot": { "Admins": [ "release-chair" ] } }""");

        using (var bot = BotProcess.StartExecutable(Path.Combine(release.Path, "UnionBot"), elsewhere.Path))
        {
            using var http = new HttpClient { BaseAddress = await bot.ListeningAsync(Patience) };

            using var health = JsonDocument.Parse(await http.GetStringAsync("/healthz"));
            Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
            Assert.True(health.RootElement.GetProperty("checks").GetProperty("plan").GetProperty("data").GetProperty("announcements").GetInt32() > 0);
            // config/unionbot.local.json beside the executable was read: the chair it names is an admin.
            Assert.Contains("管理员：是", await SayAsync(http, "release-chair", "/我的ID"));
            Assert.Contains("收到你的建议", await SayAsync(http, "teacher-li", "/建议 食堂的饭菜可以再清淡一些"));
            Assert.Contains(bot.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d{4}-\d\d-\d\d 周[日一二三四五六] \d\d:\d\d "));

            bot.Terminate();
            Assert.Equal(0, await bot.ExitCodeAsync(Patience));
        }
        Assert.True(File.Exists(Path.Combine(release.Path, "data", "unionbot.db")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));

        // The verbs: their file arguments are relative to the folder they are typed in, the database is the bot's.
        var (code, output) = await RunAsync(release, elsewhere.Path, "backup", "copy.db");
        Assert.True(code == 0, output);
        Assert.Contains("integrity ok", output);
        Assert.True(File.Exists(Path.Combine(elsewhere.Path, "copy.db")));
    }

    [ReleaseFact]
    public async Task TheLinuxReleaseReadsAChinesePlanAndPrintsItsScheduleAsJson()
    {
        using var release = CopyOf("unionbot-linux-x64");
        var seed = Directory.GetFiles(Path.Combine(release.Path, "seeds"), "000_*").Single();

        var (code, output) = await RunAsync(release, release.Path, "plan", "schedule", seed, "--year", "2026", "--json");

        Assert.True(code == 0, output);
        using var schedule = JsonDocument.Parse(output);
        Assert.Contains(schedule.RootElement.EnumerateArray(), a => a.GetProperty("title").GetString() == "三八妇女节快乐");
        (code, output) = await RunAsync(release, release.Path, "--help");
        Assert.True(code == 0, output);
    }

    [ReleaseFact]
    public void TheWindowsReleaseKeepsItsFilesBesideTheExecutableAndTakesThatFolderAsHome()
    {
        var folder = ReleaseFactAttribute.Folder("unionbot-win-x64");
        foreach (var file in new[] { "UnionBot.exe", "e_sqlite3.dll", "config/unionbot.json", "config/members.csv", "deploy/backup.ps1" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing from {folder}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "seeds"), "*.txt"));
        // An upgrade copies the whole folder over the old one: it must not bring a file that overwrites the school's secrets.
        Assert.False(File.Exists(Path.Combine(folder, "config", "unionbot.local.json")));

        var settings = RuntimeConfigOf(Path.Combine(folder, "UnionBot.exe"));
        // A Windows service starts in C:\Windows\System32: the executable's folder is home (AppHome).
        Assert.True(settings.GetProperty("UnionBot.HomeIsExecutableFolder").GetBoolean());
        // Windows turns Asia/Shanghai into its own zone name through ICU: the Windows release keeps globalization.
        Assert.False(settings.GetProperty("System.Globalization.Invariant").GetBoolean());
        // The service lifetime (sc.exe start/stop) and the Event Log logger it adds travel inside the executable.
        var bundle = File.ReadAllBytes(Path.Combine(folder, "UnionBot.exe"));
        foreach (var assembly in new[] { "Microsoft.Extensions.Hosting.WindowsServices.dll", "Microsoft.Extensions.Logging.EventLog.dll" })
            Assert.True(bundle.AsSpan().IndexOf(Encoding.UTF8.GetBytes(assembly)) >= 0, $"{assembly} is not bundled in UnionBot.exe");
    }

    private static TempDirectory CopyOf(string name)
    {
        var copy = new TempDirectory();
        var source = ReleaseFactAttribute.Folder(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("data", StringComparison.Ordinal)) continue; // a database left by a hand-run start
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy.Path, relative))!);
            File.Copy(file, Path.Combine(copy.Path, relative)); // on Linux with its mode: UnionBot stays executable
        }
        return copy;
    }

    private static async Task<string> SayAsync(HttpClient http, string user, string text)
    {
        using var response = await http.PostAsJsonAsync("/local/messages", new { userId = user, text });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("reply").GetProperty("text").GetString()!;
    }

    private static async Task<(int Code, string Output)> RunAsync(TempDirectory release, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(release.Path, "UnionBot"), args)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The <c>configProperties</c> of the runtimeconfig.json a single-file executable carries inside (stored uncompressed).</summary>
    private static JsonElement RuntimeConfigOf(string executable)
    {
        var bytes = File.ReadAllBytes(executable);
        var start = bytes.AsSpan().IndexOf("{\n  \"runtimeOptions\""u8);
        if (start < 0) start = bytes.AsSpan().IndexOf("{\r\n  \"runtimeOptions\""u8);
        Assert.True(start >= 0, "no runtimeconfig.json inside " + executable);
        var reader = new Utf8JsonReader(bytes.AsSpan(start));
        using var config = JsonDocument.ParseValue(ref reader);
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
