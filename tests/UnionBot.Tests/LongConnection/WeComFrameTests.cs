using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Core.Platforms.WeCom.LongConnection;
using UnionBot.Core.Storage;
using UnionBot.Hosting;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.LongConnection;

/// <summary>The frames as PROTOCOLS.md 1.2 writes them, and the pieces around the link that need no socket.</summary>
public sealed class WeComFrameTests
{
    [Fact]
    public void TheSubscribeFrameCarriesTheBotIdAndSecretUnderTheRequestId()
    {
        var frame = JsonDocument.Parse(WeComFrame.SubscribeFrame("r1", "BOT", "S3CRET")).RootElement;

        Assert.Equal("aibot_subscribe", frame.GetProperty("cmd").GetString());
        Assert.Equal("r1", frame.GetProperty("headers").GetProperty("req_id").GetString());
        Assert.Equal("BOT", frame.GetProperty("body").GetProperty("bot_id").GetString());
        Assert.Equal("S3CRET", frame.GetProperty("body").GetProperty("secret").GetString());
    }

    [Fact]
    public void TheReplyEchoesTheCallbacksRequestIdWithAFinishedStreamAndKeepsChineseReadable()
    {
        var text = WeComFrame.RespondFrame("cb-7", "s1", "报名成功");
        var frame = JsonDocument.Parse(text).RootElement;

        Assert.Equal("aibot_respond_msg", frame.GetProperty("cmd").GetString());
        Assert.Equal("cb-7", frame.GetProperty("headers").GetProperty("req_id").GetString());
        var stream = frame.GetProperty("body").GetProperty("stream");
        Assert.True(stream.GetProperty("finish").GetBoolean());
        Assert.Equal("报名成功", stream.GetProperty("content").GetString());
        Assert.Contains("报名成功", text);
    }

    [Fact]
    public void AnAckIsReadWithItsErrcodeAndMatchedByRequestId()
    {
        var ack = WeComFrame.Parse("""{"headers":{"req_id":"send_1"},"errcode":45009,"errmsg":"api freq out of limit"}""")!;

        Assert.True(ack.IsAck);
        Assert.Equal("send_1", ack.ReqId);
        Assert.Equal(45009, ack.ErrCode);
    }

    [Theory]
    [InlineData("""{"cmd":"disconnected_event","headers":{"req_id":"e1"}}""")]
    [InlineData("""{"cmd":"aibot_event_callback","headers":{"req_id":"e2"},"body":{"msgtype":"event","event":{"eventtype":"disconnected_event"}}}""")]
    public void ATakeoverIsRecognisedAsACommandOrAsAnEvent(string text) =>
        Assert.True(WeComFrame.Parse(text)!.IsDisconnected);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"cmd":"aibot_msg_callback"}""")]
    public void AFrameThatIsNotTheProtocolsIsRejectedWithoutThrowing(string text) => Assert.Null(WeComFrame.Parse(text));

    [Fact]
    public async Task AnAnnouncementForALinkThatIsNotConnectedIsTransientSoTheOutboxKeepsIt()
    {
        using var dir = new TempDirectory();
        var database = new Database($"Data Source={dir.File("t.db")}", NullLogger<Database>.Instance);
        database.Migrate();
        var messenger = new WeComLinkMessenger(new WeComLinks(), new WeComChats(database, TimeProvider.System), NullLogger<WeComLinkMessenger>.Instance);
        var channel = new ChannelOptions { Id = "wecom-ws", Platform = PlatformKind.WeCom, Mode = ChannelMode.LongConnection, SendVia = SendPath.LongConnection, BotId = "b", BotSecret = "s" };

        var result = await messenger.SendAsync(channel, new OutgoingMessage("t", "m"), CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains("wecom-ws", result.ErrorMessage);
    }

    [Fact]
    public async Task TheHealthCheckIsDegradedWhileAnyLinkIsNotConnectedAndNamesIt()
    {
        var status = new LongConnectionStatus(TimeProvider.System);
        status.Set("wecom-ws", "WeCom", LinkState.Connected);
        status.Set("ding-stream", "DingTalk", LinkState.Reconnecting, "the socket failed");

        var result = await new LongConnectionsHealthCheck(status).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("ding-stream", result.Description);
        Assert.DoesNotContain("wecom-ws", result.Description);
    }
}
