using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Platforms.DingTalk.Stream;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Tests.Callbacks;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.LongConnection;

/// <summary>
/// The real host with one DingTalk channel in Stream mode, dialling the fake gateway; replies land on the fake
/// DingTalk's sessionWebhook, posts to the group on its custom robot (<see cref="BotSetup"/>). Reconnections wait no
/// time (backoff 0).
/// </summary>
public sealed class DingTalkStreamHost : IAsyncDisposable
{
    public const string Channel = "ding-stream";
    public const string AppKey = "dingstreamappkey";
    public const string AppSecret = "ding-stream-app-secret";

    private readonly BotSetup _setup;
    private readonly UnionBotFactory _factory;
    private int _said;

    private DingTalkStreamHost(BotSetup setup, UnionBotFactory factory, FakeDingTalkStreamGateway gateway)
    {
        _setup = setup; _factory = factory; Gateway = gateway;
        Client = factory.CreateClient(); // starts the host, and with it the Stream client
    }

    public FakeDingTalkStreamGateway Gateway { get; }
    public FakeDingTalkServer DingTalk => _setup.DingTalk;
    public LogCapture Logs => _factory.Logs;
    public HttpClient Client { get; }
    public FakeTimeProvider Time => _factory.Time;
    public LinkState? State => _factory.Services.GetRequiredService<LongConnectionStatus>().Of(Channel)?.State;

    /// <param name="gatewayOutage">How many open calls fail with 503 before the gateway answers.</param>
    public static async Task<DingTalkStreamHost> StartAsync(string appSecret = AppSecret, int gatewayOutage = 0)
    {
        var setup = await BotSetup.WithRobotsAsync(weCom: false);
        var gateway = await FakeDingTalkStreamGateway.StartAsync(setup.Time, AppKey, AppSecret);
        gateway.FailNextOpens(gatewayOutage);
        setup.With("UnionBot:Admins:0", "chair-userid")
            .With("UnionBot:Channels:0:Id", Channel).With("UnionBot:Channels:0:Platform", "DingTalk")
            .With("UnionBot:Channels:0:Mode", "LongConnection")
            .With("UnionBot:Channels:0:AppKey", AppKey).With("UnionBot:Channels:0:AppSecret", appSecret)
            .With("UnionBot:Channels:0:AccessToken", BotSetup.AccessToken).With("UnionBot:Channels:0:Secret", BotSetup.RobotSecret)
            .With("UnionBot:DingTalk:OpenApiBaseUrl", gateway.BaseUrl)
            .WithServices(services =>
            {
                services.RemoveAll<DingTalkStreamTimings>();
                services.AddSingleton(new DingTalkStreamTimings { Reconnect = new DingTalkStreamTimings().Reconnect with { Initial = TimeSpan.Zero } });
            });
        return new DingTalkStreamHost(setup, setup.Build(), gateway);
    }

    /// <summary>Waits until connection <paramref name="session"/> is open on the gateway and held by the client; returns it.</summary>
    public async Task<FakeStreamSession> ConnectedAsync(int session = 1)
    {
        var open = await Eventually.WaitForAsync(() => Gateway.Sessions.Count >= session && Gateway.Sessions[session - 1].IsOpen ? Gateway.Sessions[session - 1] : null,
            $"connection {session} to the gateway");
        // The gateway counts a socket from its accept; the client finishes its handshake and starts the connection's
        // idle watchdog a moment later. Until then the dial's timeout is still running on the fake clock, so a test
        // that moves the clock must wait for the client's side too.
        await Eventually.WaitForAsync(() => Logs.Entries.Count(l => l.Text.StartsWith("DingTalk Stream connection of channel", StringComparison.Ordinal) && l.Text.EndsWith(" is up", StringComparison.Ordinal)) >= session ? "" : null,
            $"the client to hold connection {session}");
        return open;
    }

    /// <summary>Waits until the client acknowledged <paramref name="messageId"/> on <paramref name="session"/>; returns the ack.</summary>
    public static async Task<JsonElement> AckedAsync(FakeStreamSession session, string messageId) =>
        (JsonElement)await Eventually.WaitForAsync(() => session.AckFor(messageId) is { } ack ? (object)ack : null, $"the ack of {messageId}");

    /// <summary>A teacher @-mentions the bot; returns the reply posted to that message's sessionWebhook.</summary>
    public async Task<FakeRequest> SayAsync(string user, string text)
    {
        var msgId = $"m-{Interlocked.Increment(ref _said)}";
        await Gateway.PushCallbackAsync($"frame-{msgId}", DingTalk.RobotMessage(msgId, user, " " + text));
        return await ReplyToAsync(msgId, text);
    }

    public Task<FakeRequest> ReplyToAsync(string msgId, string what) =>
        Eventually.WaitForAsync(() => DingTalk.Accepted.SingleOrDefault(r => r.Robot == $"session:s-{msgId}"), $"the reply to {what}");

    public IReadOnlyList<FakeRequest> RepliesTo(string msgId) => DingTalk.Accepted.Where(r => r.Robot == $"session:s-{msgId}").ToList();

    /// <summary>Stops the host (as on shutdown), keeping the fakes for inspection.</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Gateway.DisposeAsync();
        await _setup.DisposeAsync();
    }
}
