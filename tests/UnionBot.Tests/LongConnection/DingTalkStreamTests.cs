using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Platforms.DingTalk.Stream;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Tests.Callbacks;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.LongConnection;

/// <summary>The real Stream client against the fake gateway (PROTOCOLS.md 2.2), through the product's pipeline.</summary>
public sealed class DingTalkStreamTests
{
    [Fact]
    public async Task ASignUpConversationRunsOverTheStreamAndEveryFrameIsAcknowledgedAtOnce()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var session = await host.ConnectedAsync();

        Assert.Contains("名额 2 人", (await host.SayAsync("chair-userid", "/发起报名 教职工气排球赛 名额2")).Content);
        var li = await host.SayAsync("teacher-li", "/报名 气排球赛");
        Assert.Contains("报名成功", li.Content);
        Assert.Contains("@teacher-li", li.Content);
        Assert.Contains("报名成功", (await host.SayAsync("teacher-zhang", "/报名 气排球赛")).Content);
        Assert.Contains("候补第 1 位", (await host.SayAsync("teacher-chen", "/报名 气排球赛")).Content);

        var ack = await DingTalkStreamHost.AckedAsync(session, "frame-m-2");
        Assert.Equal(200, ack.GetProperty("code").GetInt32());
        Assert.Equal("OK", ack.GetProperty("message").GetString());
        Assert.Equal("application/json", ack.GetProperty("headers").GetProperty("contentType").GetString());
        Assert.Equal("""{"response":null}""", ack.GetProperty("data").GetString());
        await Eventually.WaitForAsync(() => host.Gateway.Pending.Count == 0 ? "" : null, "every frame acknowledged");
        Assert.Equal(1, host.Gateway.Opens);
        Assert.Equal(LinkState.Connected, host.State);
        Assert.Contains("Connected", await host.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task APingIsAnsweredWithItsOwnMessageIdAndData()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var session = await host.ConnectedAsync();

        await host.Gateway.SendPingAsync("ping-1", """{"opaque":"12345"}""");

        var ack = await DingTalkStreamHost.AckedAsync(session, "ping-1");
        Assert.Equal("""{"opaque":"12345"}""", ack.GetProperty("data").GetString());
        Assert.Equal(200, ack.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AGarbledFrameOrAnUnknownTopicIsIgnoredAndTheConnectionCarriesOn()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var session = await host.ConnectedAsync();

        await session.SendAsync("{not json");
        await session.SendAsync("""{"specVersion":"1.0","type":"EVENT","headers":{"messageId":"ev-1","topic":"chat_update_title"},"data":"{}"}""");

        Assert.Contains("/报名", (await host.SayAsync("teacher-li", "/帮助")).Content);
        await DingTalkStreamHost.AckedAsync(session, "ev-1");
        Assert.Contains("malformed", host.Logs.All);
        Assert.Equal(1, host.Gateway.Opens);
    }

    [Fact]
    public async Task AFrameDeliveredTwiceIsAcknowledgedTwiceAndAnsweredOnce()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var session = await host.ConnectedAsync();
        var body = host.DingTalk.RobotMessage("twice", "teacher-li", " /帮助");

        await host.Gateway.PushCallbackAsync("frame-a", body);
        await host.Gateway.PushCallbackAsync("frame-b", body);

        await host.ReplyToAsync("twice", "/帮助");
        await Eventually.WaitForAsync(() => host.Logs.All.Contains("delivered again") ? "" : null, "the redelivery to be recognised");
        await DingTalkStreamHost.AckedAsync(session, "frame-a");
        await DingTalkStreamHost.AckedAsync(session, "frame-b");
        Assert.Single(host.RepliesTo("twice"));
    }

    [Fact]
    public async Task ADroppedSocketIsReopenedWithAFreshTicketAndNothingIsLostOrDoubled()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var first = await host.ConnectedAsync();
        Assert.Contains("名额 2 人", (await host.SayAsync("chair-userid", "/发起报名 教职工气排球赛 名额2")).Content);

        first.Abort(); // no close frame: the network went away
        // Sent while the link is down, so it waits at the gateway; the first message comes again as if its ack was lost.
        await host.Gateway.QueueCallbackAsync("frame-late", host.DingTalk.RobotMessage("late", "teacher-li", " /报名 气排球赛"));
        await host.Gateway.QueueCallbackAsync("frame-m-1-again", host.DingTalk.RobotMessage("m-1", "chair-userid", " /发起报名 教职工气排球赛 名额2"));

        var second = await host.ConnectedAsync(2);
        Assert.Contains("报名成功", (await host.ReplyToAsync("late", "the sign-up sent during the drop")).Content);
        await Eventually.WaitForAsync(() => host.Logs.All.Contains("delivered again") ? "" : null, "the redelivery to be recognised");
        Assert.Single(host.RepliesTo("m-1"));
        Assert.Equal(2, host.Gateway.Opens);
        Assert.Equal(0, host.Gateway.RefusedSockets); // a reused ticket would have been refused
        Assert.True(second.IsOpen);
        await Eventually.WaitForAsync(() => host.Gateway.Pending.Count == 0 ? "" : null, "every frame acknowledged");
        Assert.DoesNotContain("ticket=", host.Logs.All);
    }

    [Fact]
    public async Task ADisconnectNoticeOpensTheNewConnectionBeforeTheOldOneCloses()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var old = await host.ConnectedAsync();

        await host.Gateway.SendDisconnectAsync("bye-1");
        var fresh = await host.ConnectedAsync(2);

        Assert.Equal(1, fresh.OthersOpenAtStart);
        Assert.True(old.IsOpen);
        await DingTalkStreamHost.AckedAsync(old, "bye-1");
        // Until the gateway closes it, the old socket may still carry a message: it is answered too.
        await host.Gateway.PushCallbackAsync("frame-on-old", host.DingTalk.RobotMessage("on-old", "teacher-li", " /帮助"), on: old);
        Assert.Contains("/报名", (await host.ReplyToAsync("on-old", "the message on the old socket")).Content);
        await old.CloseAsync(); // about 10 s later on DingTalk
        await old.Ended.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("/报名", (await host.SayAsync("teacher-li", "/帮助")).Content);
        Assert.Single(host.Gateway.Sessions, s => s.IsOpen);
        Assert.Equal(LinkState.Connected, host.State);
    }

    [Fact]
    public async Task AGatewayThatFallsSilentIsLeftForAFreshConnection()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var silent = await host.ConnectedAsync();

        host.Time.Advance(new DingTalkStreamTimings().IdleTimeout + TimeSpan.FromSeconds(1)); // no frame, not even a ping

        await host.ConnectedAsync(2);
        await silent.Ended.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.WaitForAsync(() => host.Logs.All.Contains("silent for") ? "" : null, "the silence to be logged");
        Assert.Contains("/报名", (await host.SayAsync("teacher-li", "/帮助")).Content);
    }

    [Fact]
    public async Task BadCredentialsAreReportedOnceClearlyAndRetriedOnlyEveryFiveMinutes()
    {
        await using var host = await DingTalkStreamHost.StartAsync(appSecret: "wrong-secret-value");
        await Eventually.WaitForAsync(() => host.State == LinkState.AuthenticationFailed ? "" : null, "the refusal");
        Assert.Equal(1, host.Gateway.Opens);
        var health = await host.Client.GetStringAsync("/healthz");
        Assert.Contains("AuthenticationFailed", health);

        await Eventually.WaitForAsync(() => { host.Time.Advance(TimeSpan.FromMinutes(5)); return host.Gateway.Opens >= 3 ? "" : null; }, "two slow retries");

        var errors = host.Logs.At(LogLevel.Error, "UnionBot");
        var error = Assert.Single(errors);
        Assert.Contains(DingTalkStreamHost.Channel, error);
        Assert.Contains("AppSecret", error);
        Assert.DoesNotContain("wrong-secret-value", host.Logs.All);
        Assert.Empty(host.Gateway.Sessions);
    }

    [Fact]
    public async Task AGatewayOutageIsRetriedWithBackoffAndNotReportedAsBadCredentials()
    {
        await using var host = await DingTalkStreamHost.StartAsync(gatewayOutage: 2);

        await host.ConnectedAsync();

        Assert.Equal(3, host.Gateway.Opens);
        Assert.Empty(host.Logs.At(LogLevel.Error, "UnionBot"));
        Assert.Equal(2, host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms.DingTalk.Stream").Count(l => l.Contains("HTTP 503")));
        await Eventually.WaitForAsync(() => host.State == LinkState.Connected ? "" : null, "the link to be Connected");
    }

    [Fact]
    public async Task StoppingTheHostClosesTheSocketWithACloseFrame()
    {
        await using var host = await DingTalkStreamHost.StartAsync();
        var session = await host.ConnectedAsync();

        await host.StopAsync();

        await session.Ended.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, session.ClientClose);
    }
}
