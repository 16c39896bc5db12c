using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using UnionBot.Core.Announcements;
using UnionBot.Core.Storage;
using UnionBot.Delivery;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Delivery;

/// <summary>
/// The real host posting to both groups through the fake robots (<see cref="BotSetup"/>: <c>wecom-all</c>, and
/// <c>ding-union</c> with 加签), on a manual clock, with a database and a plan copy that outlive one host, so that a
/// test can stop the bot and start another on the same files.
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly BotSetup _setup;
    private UnionBotFactory? _host;

    private DeliveryHarness(BotSetup setup)
    {
        _setup = setup;
        PlanPath = _dir.File("plan.txt");
        File.Copy(RepoPaths.Seed("000_"), PlanPath);
        DatabasePath = _dir.File("unionbot.db");
        setup.WithWeComGroup().WithDingTalkGroup().With("UnionBot:Plan:Path", PlanPath).With("UnionBot:Plan:Year", "2026");
    }

    public FakeTimeProvider Time => _setup.Time;
    public FakeWeComServer WeCom => _setup.WeCom;
    public FakeDingTalkServer DingTalk => _setup.DingTalk;
    /// <inheritdoc cref="BotSetup.AdvanceBetweenPostsAsync"/>
    public Task AdvanceBetweenPostsAsync(TimeSpan step, Func<Task<bool>> done, string what) => _setup.AdvanceBetweenPostsAsync(step, done, what);

    public string PlanPath { get; }
    public string DatabasePath { get; }
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("no host is running");

    /// <summary>Starts the fakes with the clock at <paramref name="localStart"/> (Asia/Shanghai wall time).</summary>
    public static async Task<DeliveryHarness> CreateAsync(DateTime localStart, IDictionary<string, string?>? settings = null)
    {
        var harness = new DeliveryHarness(await BotSetup.WithRobotsAsync(BotSetup.Clock(localStart)));
        harness._setup.With(settings);
        return harness;
    }

    /// <summary>Starts a bot on the shared database and waits until its first plan sync has filled the outbox.</summary>
    public async Task StartBotAsync()
    {
        _host = _setup.Build(DatabasePath);
        _ = _host.Server; // builds and starts the host
        // The start sync (re)creates the daily trigger after it has written the outbox, readable plan or not.
        var scheduler = await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.TrueAsync(async () => await scheduler.GetTrigger(AnnouncementTriggers.DailySync) is not null, "the start sync ran");
    }

    /// <summary>Stops the bot the way a restart does (the database and the fakes stay).</summary>
    public async Task StopBotAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _host = null;
    }

    public HttpClient CreateClient() => _host?.CreateClient() ?? throw new InvalidOperationException("no host is running");

    public IAnnouncementOutbox Outbox => Services.GetRequiredService<IAnnouncementOutbox>();

    public async Task<IReadOnlyList<OutboxRow>> RowsAsync()
    {
        if (await TestDatabase.ScalarAsync<long>(DatabasePath, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'outbox'") == 0) return [];
        // The store's own mapping, on a connection of its own: it works while no bot is running.
        var database = new Database($"Data Source={DatabasePath};Pooling=False", NullLogger<Database>.Instance);
        return await new OutboxStore(database, Time).ListAsync();
    }

    public Task ExecuteSqlAsync(string sql, object? parameters = null) => TestDatabase.ExecuteAsync(DatabasePath, sql, parameters);

    /// <summary>Waits until no row is being sent and no row of <paramref name="channels"/> (default: all) is due but unsent.</summary>
    public Task SettleAsync(params string[] channels) => Eventually.TrueAsync(async () =>
    {
        var now = Time.GetUtcNow();
        var rows = await RowsAsync();
        return rows.All(r => r.State != OutboxState.Sending
            && !(r.State == OutboxState.Pending && r.Due <= now && (channels.Length == 0 || channels.Contains(r.ChannelId))));
    }, "every due row was handled", async () => string.Join("; ", (await RowsAsync())
        .Where(r => r.State is OutboxState.Sending or OutboxState.Pending && r.Due <= Time.GetUtcNow())
        .Select(r => $"{r.Key} {r.State} due {r.DueAt} attempts {r.Attempts} {r.LastErrcode} {r.LastError}")) + $" (now {Time.GetUtcNow():o})");

    /// <summary>Moves the clock from one due time to the next up to <paramref name="until"/>, letting the bot send at each.</summary>
    public async Task RunUntilAsync(DateTimeOffset until)
    {
        while (true)
        {
            var now = Time.GetUtcNow();
            var next = (await RowsAsync()).Where(r => r.State == OutboxState.Pending && r.Due > now).Select(r => r.Due).DefaultIfEmpty(until).Min();
            if (next > until) next = until;
            Time.SetUtcNow(next);
            await SettleAsync();
            if (next >= until) return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await _setup.DisposeAsync();
        _dir.Dispose();
    }
}
