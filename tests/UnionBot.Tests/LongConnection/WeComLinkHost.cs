using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Tests.Callbacks;
using UnionBot.Tests.Support.Fakes;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.LongConnection;

/// <summary>
/// The real host (real pipeline) with one more WeCom channel in LongConnection mode that also posts over the link,
/// pointed at a <see cref="FakeWeComGateway"/>; helpers to talk in the group and to wait for the link's state.
/// </summary>
public sealed class WeComLinkHost : IAsyncDisposable
{
    public const string Channel = "wecom-ws";
    public const string BotId = "aibXXtestbot";
    public const string BotSecret = "long-connection-secret-for-tests";
    private int _said;

    private WeComLinkHost(CallbackHost host, FakeWeComGateway gateway) { Host = host; Gateway = gateway; }

    public CallbackHost Host { get; }
    public FakeWeComGateway Gateway { get; }
    public LinkStatus? Status => Host.Services.GetRequiredService<LongConnectionStatus>().Of(Channel);

    public static async Task<WeComLinkHost> StartAsync(string secret = BotSecret)
    {
        var gateway = await FakeWeComGateway.StartAsync(BotId, BotSecret);
        var host = await CallbackHost.StartAsync(realPipeline: true, extra: new Dictionary<string, string?>
        {
            ["UnionBot:Channels:3:Id"] = Channel, ["UnionBot:Channels:3:Name"] = "教职工群", ["UnionBot:Channels:3:Platform"] = "WeCom",
            ["UnionBot:Channels:3:Mode"] = "LongConnection", ["UnionBot:Channels:3:SendVia"] = "LongConnection",
            ["UnionBot:Channels:3:BotId"] = BotId, ["UnionBot:Channels:3:BotSecret"] = secret,
            ["UnionBot:WeCom:LongConnectionUrl"] = gateway.Url,
        });
        return new WeComLinkHost(host, gateway);
    }

    public Task<LinkStatus> WaitForStateAsync(LinkState state) =>
        Eventually.WaitForAsync(() => Status is { } s && s.State == state ? s : null, $"the link to be {state}");

    /// <summary>A teacher @mentions the bot in the group; returns the reply the gateway received for that message.</summary>
    public async Task<string> SayAsync(string user, string text)
    {
        var msgId = NextMsgId();
        await Gateway.PushTextAsync(msgId, user, text);
        return await ReplyToAsync(msgId);
    }

    public string NextMsgId() => $"ws-{Interlocked.Increment(ref _said)}";

    public async Task<string> ReplyToAsync(string msgId) =>
        (await Eventually.WaitForAsync(() => Gateway.Replies.FirstOrDefault(r => r.MsgId == msgId), $"the reply to {msgId}")).Content;

    /// <summary>Moves the clock past a reconnect delay once the link is waiting on it.</summary>
    public async Task ReconnectAsync(TimeSpan wait)
    {
        await WaitForStateAsync(LinkState.Reconnecting);
        Host.Time.Advance(wait);
        await WaitForStateAsync(LinkState.Connected);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
