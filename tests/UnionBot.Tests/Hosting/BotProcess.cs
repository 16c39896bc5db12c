using System.Diagnostics;
using System.Text.RegularExpressions;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Hosting;

/// <summary>
/// The bot as a real process (<c>dotnet UnionBot.dll</c> from the test's output folder) in a folder of its own with the
/// repository's config/, on a free port; its output is collected line by line. For what only a process shows: signals, the environment a service
/// manager sets, the log lines as they are written to the console. <see cref="StartExecutable"/> runs a published
/// release instead, as a service manager would: its own executable, started in a folder of the caller's choosing.
/// </summary>
public sealed partial class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The folder <see cref="Start"/> made for the bot (removed with it); none for <see cref="StartExecutable"/>.</summary>
    public TempDirectory? Home { get; private init; }

    private BotProcess(ProcessStartInfo start, IDictionary<string, string> environment, IEnumerable<string> args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        // A bot that stops at start (a configuration error) fails the wait at once, with what it printed.
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException(
            $"the bot exited with {_process.ExitCode} before listening:\n{string.Join('\n', Lines)}"));
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
    }

    public static BotProcess Start(IDictionary<string, string>? environment = null, params string[] args)
    {
        var home = new TempDirectory();
        // The shipped configuration (log levels, the two sample channels), as a published bot has it beside itself.
        Directory.CreateDirectory(Path.Combine(home.Path, "config"));
        foreach (var file in new[] { "unionbot.json", "members.csv" })
            File.Copy(Path.Combine(RepoPaths.Root, "config", file), Path.Combine(home.Path, "config", file));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { WorkingDirectory = home.Path };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "UnionBot.dll"));
        string[] defaults = ["--UnionBot:Urls=http://127.0.0.1:0", $"--UnionBot:Plan:Path={RepoPaths.Seed("000")}"];
        return Run(new BotProcess(start, environment ?? new Dictionary<string, string>(), defaults.Concat(args)) { Home = home });
    }

    /// <summary>A published bot: <paramref name="executable"/> started in <paramref name="workingDirectory"/>, on a free port.</summary>
    public static BotProcess StartExecutable(string executable, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory };
        return Run(new BotProcess(start, new Dictionary<string, string>(), ["--UnionBot:Urls=http://127.0.0.1:0", .. args]));
    }

    private static BotProcess Run(BotProcess bot)
    {
        bot._process.Start();
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    /// <summary>The address Kestrel chose, from its "Now listening on" line.</summary>
    public Task<Uri> ListeningAsync(TimeSpan timeout) => _listening.Task.WaitAsync(timeout);

    /// <summary>What <c>systemctl stop</c> and Ctrl+C send.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", Id.ToString()])!.WaitForExit();

    /// <summary>SIGKILL, as a power cut or the OOM killer: no shutdown code runs, requests in flight are lost.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public bool HasExited => _process.HasExited;

    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        if (ListeningLine().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Home?.Dispose();
    }
}
