using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UnionBot.Tests.Support;

/// <summary>
/// The real host in-process on a temporary SQLite file, with a manual clock and every log line captured in
/// <see cref="Logs"/>. Settings are passed with <c>UseSetting</c> so that they are visible while Program builds the host.
/// </summary>
public sealed class UnionBotFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    private readonly string _contentRoot;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="contentRoot">The bot's folder, where its <c>config/unionbot*.json</c> are read; the repository by default.</param>
    /// <param name="testServices">Services the test replaces or adds after the bot's own (see <see cref="BotSetup"/>).</param>
    public UnionBotFactory(FakeTimeProvider? time = null, IDictionary<string, string?>? settings = null, string? databasePath = null,
        string? contentRoot = null, Action<IServiceCollection>? testServices = null)
    {
        _contentRoot = contentRoot ?? RepoPaths.Root;
        _testServices = testServices;
        Time = time ?? BotSetup.Clock(new DateTime(2026, 3, 1, 8, 0, 0)); // Sunday 1 March 2026, 08:00 in Shanghai
        DatabasePath = databasePath ?? _dir.File("unionbot.db");
        _settings["UnionBot:Database"] = $"Data Source={DatabasePath}";
        _settings["UnionBot:Plan:Path"] = System.IO.Path.Combine(RepoPaths.Root, "seeds", "000_47ac6d738d8cc271.txt");
        _settings["UnionBot:Members"] = System.IO.Path.Combine(RepoPaths.Root, "config", "members.csv");
        if (settings is not null)
            foreach (var (k, v) in settings) _settings[k] = v;
    }

    public FakeTimeProvider Time { get; }
    public LogCapture Logs { get; } = new();
    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(_contentRoot);
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
        if (_testServices is not null) builder.ConfigureTestServices(_testServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _dir.Dispose();
    }
}
