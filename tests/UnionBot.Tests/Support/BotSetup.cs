using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Support;

/// <summary>
/// What every in-process bot of the tests is built from: its clock, the fake WeCom and DingTalk robots with the groups'
/// robots registered, the two groups' settings, and whatever settings and services the test changes. One set-up
/// builds one bot or several in turn (a restart on the same database); it owns the fakes, which outlive each bot.
/// </summary>
public sealed class BotSetup : IAsyncDisposable
{
    public const string WeComGroup = "wecom-all";
    public const string DingTalkGroup = "ding-union";

    // Sending: the WeCom group robot's webhook key, the DingTalk custom robot's token and 加签 secret.
    public const string WebhookKey = "wecom-group-robot-key";
    public const string AccessToken = "ding-group-robot-token";
    public const string RobotSecret = "SEC-ding-group-robot";

    // Receiving: the WeCom callback's Token and EncodingAESKey, the DingTalk app's AppSecret.
    public const string Token = "QDG6eK";
    public const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string AppSecret = "ding-app-secret-for-tests";

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly FakeWeComServer? _weCom;
    private readonly FakeDingTalkServer? _dingTalk;

    private BotSetup(FakeTimeProvider time, FakeWeComServer? weCom, FakeDingTalkServer? dingTalk)
    {
        (Time, _weCom, _dingTalk) = (time, weCom, dingTalk);
        _services.Add(services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Counted(this))));
        if (weCom is not null) _settings["UnionBot:WeCom:ApiBaseUrl"] = weCom.BaseUrl;
        if (dingTalk is not null) _settings["UnionBot:DingTalk:ApiBaseUrl"] = dingTalk.BaseUrl;
    }

    /// <summary>
    /// A clock at <paramref name="shanghai"/> (wall time in Asia/Shanghai); by default Tuesday 10 March 2026, 09:00: a
    /// school day in a month with activities, so /报名 and /本月 have something to answer.
    /// </summary>
    public static FakeTimeProvider Clock(DateTime? shanghai = null) =>
        new(new DateTimeOffset(shanghai ?? new DateTime(2026, 3, 10, 9, 0, 0), Shanghai));

    public FakeTimeProvider Time { get; }

    /// <summary>Requests the bot's HTTP clients have sent and not yet had answered (robots, sessionWebhooks, Stream's open call).</summary>
    public int PostsInFlight => Volatile.Read(ref _postsInFlight);

    private int _postsInFlight;

    /// <summary>
    /// Moves the clock on by <paramref name="step"/> whenever no post is in flight, until <paramref name="done"/>: lets
    /// retry waits and rate-limit pauses pass without timing out a post, whose 10 s deadline runs on the same clock.
    /// </summary>
    public Task AdvanceBetweenPostsAsync(TimeSpan step, Func<Task<bool>> done, string what) => Eventually.TrueAsync(async () =>
    {
        if (await done()) return true;
        if (PostsInFlight == 0) Time.Advance(step);
        return false;
    }, what, timeoutMs: 30_000);

    /// <summary>The fake WeCom group robot (webhook key <see cref="WebhookKey"/>).</summary>
    public FakeWeComServer WeCom => _weCom ?? throw new InvalidOperationException("this set-up started no fake WeCom robot");

    /// <summary>The fake DingTalk: the custom robot (<see cref="AccessToken"/>, <see cref="RobotSecret"/>) and the sessionWebhooks.</summary>
    public FakeDingTalkServer DingTalk => _dingTalk ?? throw new InvalidOperationException("this set-up started no fake DingTalk");

    /// <summary>Starts the fake robots on <paramref name="time"/> (default <see cref="Clock"/>) and points the bot's API bases at them.</summary>
    public static async Task<BotSetup> WithRobotsAsync(FakeTimeProvider? time = null, bool weCom = true, bool dingTalk = true)
    {
        time ??= Clock();
        var weComServer = weCom ? await FakeWeComServer.StartAsync(time, WebhookKey) : null;
        var dingTalkServer = dingTalk ? await FakeDingTalkServer.StartAsync(time) : null;
        dingTalkServer?.AddRobot(AccessToken, RobotSecret);
        return new BotSetup(time, weComServer, dingTalkServer);
    }

    /// <summary>No fake platform: the bot posts to its local channel only, unless the test points it somewhere.</summary>
    public static BotSetup WithoutRobots(FakeTimeProvider? time = null) => new(time ?? Clock(), null, null);

    /// <summary>
    /// The WeCom group 全体教职工群 (<see cref="WeComGroup"/>, channel 0): it posts through the fake robot when
    /// <paramref name="posts"/>, and takes callbacks signed with <see cref="Token"/> when <paramref name="answers"/>.
    /// </summary>
    public BotSetup WithWeComGroup(bool posts = true, bool answers = false)
    {
        Channel(0, WeComGroup, "全体教职工群", "WeCom");
        if (posts) With("UnionBot:Channels:0:WebhookKey", WebhookKey);
        if (answers) With("UnionBot:Channels:0:Token", Token).With("UnionBot:Channels:0:EncodingAesKey", AesKey);
        return this;
    }

    /// <summary>
    /// The DingTalk group 工会委员群 (<see cref="DingTalkGroup"/>, channel 1): it posts through the fake robot with 加签 when
    /// <paramref name="posts"/>, and takes callbacks signed with <see cref="AppSecret"/> when <paramref name="answers"/>.
    /// </summary>
    public BotSetup WithDingTalkGroup(bool posts = true, bool answers = false)
    {
        Channel(1, DingTalkGroup, "工会委员群", "DingTalk");
        if (posts) With("UnionBot:Channels:1:AccessToken", AccessToken).With("UnionBot:Channels:1:Secret", RobotSecret);
        if (answers) With("UnionBot:Channels:1:AppSecret", AppSecret);
        return this;
    }

    public BotSetup With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public BotSetup With(IDictionary<string, string?>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services after the bot's own registrations (ConfigureTestServices).</summary>
    public BotSetup WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>A bot of this set-up, not started yet (the first client or <c>Services</c> starts it).</summary>
    /// <param name="databasePath">A database an earlier bot of the test used (a restart), else a fresh file.</param>
    /// <param name="contentRoot">The bot's folder with its own <c>config/</c>, else the repository.</param>
    public UnionBotFactory Build(string? databasePath = null, string? contentRoot = null) =>
        new(Time, _settings, databasePath, contentRoot, services => _services.ForEach(configure => configure(services)));

    /// <summary>Counts the requests in flight for <see cref="AdvanceBetweenPostsAsync"/>.</summary>
    private sealed class Counted(BotSetup setup) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Interlocked.Increment(ref setup._postsInFlight);
            try { return await base.SendAsync(request, ct); }
            finally { Interlocked.Decrement(ref setup._postsInFlight); }
        }
    }

    private void Channel(int index, string id, string name, string platform) =>
        With($"UnionBot:Channels:{index}:Id", id).With($"UnionBot:Channels:{index}:Name", name).With($"UnionBot:Channels:{index}:Platform", platform);

    public async ValueTask DisposeAsync()
    {
        if (_weCom is not null) await _weCom.DisposeAsync();
        if (_dingTalk is not null) await _dingTalk.DisposeAsync();
    }
}
