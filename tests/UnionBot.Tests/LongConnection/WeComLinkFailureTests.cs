using Microsoft.Extensions.Logging;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Tests.Callbacks;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.LongConnection;

/// <summary>What goes wrong on a long connection: drops, closes, silence, a refused secret, a takeover, a duplicate.</summary>
public sealed class WeComLinkFailureTests
{
    [Fact]
    public async Task ASocketDroppedBeforeTheReplyArrivesIsAnsweredOnceAfterTheReconnectAndTheCommandRunsOnce()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);
        Assert.Contains("名额", await link.SayAsync("chair-userid", "/发起报名 教职工气排球赛 名额2"));

        link.Gateway.DropOnNextReply = true;
        var msgId = link.NextMsgId();
        await link.Gateway.PushTextAsync(msgId, "teacher-li", "/报名 气排球赛");
        await link.ReconnectAsync(TimeSpan.FromSeconds(1));

        Assert.Contains("报名成功", await link.ReplyToAsync(msgId));
        Assert.Single(link.Gateway.Replies, r => r.MsgId == msgId);
        Assert.Contains("1/2", await link.SayAsync("teacher-li", "/名单 气排球赛"));
        Assert.Equal(2, link.Gateway.Subscribes);
    }

    [Fact]
    public async Task AGatewayThatClosesTheConnectionIsRedialledAfterTheBackoff()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);

        await link.Gateway.CloseAsync();
        await link.ReconnectAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(2, link.Gateway.Subscribes);
        Assert.Contains("报名", await link.SayAsync("teacher-li", "/帮助"));
    }

    [Fact]
    public async Task TwoUnansweredPingsMarkTheLinkDeadAndItReconnects()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);
        link.Gateway.AckPings = false;

        for (var i = 1; i <= 2; i++)
        {
            link.Host.Time.Advance(TimeSpan.FromSeconds(30));
            await Eventually.WaitForAsync(() => link.Gateway.Pings >= i ? "" : null, $"ping {i}");
        }
        Assert.Equal(LinkState.Connected, link.Status!.State);
        link.Host.Time.Advance(TimeSpan.FromSeconds(30));

        link.Gateway.AckPings = true;
        await link.ReconnectAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, link.Gateway.Subscribes);
        Assert.Contains(link.Host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms.WeCom"), l => l.Contains("2 pings unanswered"));
    }

    [Fact]
    public async Task ARefusedSecretIsReportedOnceNamingTheChannelAndRetriedOnlyEveryFewMinutes()
    {
        await using var link = await WeComLinkHost.StartAsync(secret: "a-wrong-secret");
        var waiting = await link.WaitForStateAsync(LinkState.AuthenticationFailed);

        link.Host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, link.Gateway.RefusedSubscribes);
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            link.Host.Time.Advance(attempt == 2 ? TimeSpan.FromMinutes(4) : TimeSpan.FromMinutes(5));
            var previous = waiting;
            // Each refusal sets a new "next attempt at" detail once the link waits again.
            waiting = await Eventually.WaitForAsync(() => link.Status is { State: LinkState.AuthenticationFailed } s && s.Detail != previous.Detail ? s : null, $"refusal {attempt}");
        }
        Assert.Equal(3, link.Gateway.RefusedSubscribes);

        var errors = link.Host.Logs.At(LogLevel.Error, "UnionBot.Core.Platforms.WeCom");
        var error = Assert.Single(errors);
        Assert.Contains(WeComLinkHost.Channel, error);
        Assert.Contains("BotSecret", error);
        Assert.DoesNotContain("a-wrong-secret", link.Host.Logs.All);
        Assert.Equal(LinkState.AuthenticationFailed, link.Status!.State);
    }

    [Fact]
    public async Task ADisconnectedEventStopsTheLinkForGoodWithOneError()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);

        await link.Gateway.SendDisconnectedEventAsync();
        await link.WaitForStateAsync(LinkState.Superseded);
        link.Host.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, link.Gateway.Connections);
        var error = Assert.Single(link.Host.Logs.At(LogLevel.Error, "UnionBot.Core.Platforms.WeCom"));
        Assert.Contains(WeComLinkHost.Channel, error);
        Assert.Contains("Superseded", (await link.Host.Client.GetStringAsync("/healthz")));
    }

    [Fact]
    public async Task AFramePushedTwiceWithTheSameMsgIdRunsTheCommandOnceAndIsAnsweredOnce()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);
        Assert.Contains("名额", await link.SayAsync("chair-userid", "/发起报名 教职工气排球赛 名额2"));

        var msgId = link.NextMsgId();
        await link.Gateway.PushTextAsync(msgId, "teacher-li", "/报名 气排球赛");
        Assert.Contains("报名成功", await link.ReplyToAsync(msgId));
        await link.Gateway.PushTextAsync(msgId, "teacher-li", "/报名 气排球赛");
        await Eventually.WaitForAsync(() => link.Host.Logs.At(LogLevel.Information, "UnionBot.Core.Platforms.WeCom.LongConnection").FirstOrDefault(l => l.Contains("delivered again")), "the duplicate");

        Assert.Single(link.Gateway.Replies, r => r.MsgId == msgId);
        Assert.Contains("1/2", await link.SayAsync("teacher-zhang", "/名单 气排球赛"));
    }
}
