using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.WeCom.LongConnection;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Tests.Callbacks;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.LongConnection;

/// <summary>The real client against the fake gateway: conversations, posts and shutdown over the long connection.</summary>
public sealed class WeComLinkStoryTests
{
    [Fact]
    public async Task ASignUpConversationOverTheLongConnectionIsAnsweredInEachMessagesThread()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);

        Assert.Contains("名额 2 人", await link.SayAsync("chair-userid", "/发起报名 教职工气排球赛 名额2"));
        Assert.Contains("报名成功", await link.SayAsync("teacher-li", "/报名 气排球赛"));
        Assert.Contains("报名成功", await link.SayAsync("teacher-zhang", "/报名 气排球赛"));
        Assert.Contains("候补第 1 位", await link.SayAsync("teacher-chen", "/报名 气排球赛"));
        var list = await link.SayAsync("teacher-li", "/名单 气排球赛");

        Assert.Contains("2/2", list);
        Assert.Equal(1, link.Gateway.Subscribes);
        var reply = link.Gateway.Replies[0].Frame;
        Assert.Equal("aibot_respond_msg", reply.GetProperty("cmd").GetString());
        Assert.Equal("stream", reply.GetProperty("body").GetProperty("msgtype").GetString());
        Assert.True(reply.GetProperty("body").GetProperty("stream").GetProperty("finish").GetBoolean());
    }

    [Fact]
    public async Task HealthzListsTheLinkAsConnectedAndPingsKeepItUp()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);

        for (var i = 1; i <= 4; i++)
        {
            link.Host.Time.Advance(TimeSpan.FromSeconds(30));
            await Eventually.WaitForAsync(() => link.Gateway.Pings >= i ? "" : null, $"ping {i}");
        }

        Assert.Equal(LinkState.Connected, link.Status!.State);
        var health = await link.Host.Client.GetFromJsonAsync<JsonElement>("/healthz");
        var check = health.GetProperty("checks").GetProperty("long-connections");
        Assert.Equal("healthy", check.GetProperty("status").GetString());
        Assert.Contains("Connected", check.GetProperty("data").GetProperty(WeComLinkHost.Channel).GetString());
    }

    [Fact]
    public async Task AnAnnouncementIsPostedOverTheLinkToTheGroupTheBotLastHeardFrom()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);
        await link.Gateway.PushTextAsync("ws-chat", "teacher-li", "/帮助", chatId: "CHAT-STAFF");
        await link.ReplyToAsync("ws-chat");

        var outbox = link.Host.Services.GetRequiredService<IAnnouncementOutbox>();
        await outbox.EnqueueImmediateAsync("test-notice", new OutgoingMessage("通知", "**周五下午** 工会活动"), WeComLinkHost.Channel, CancellationToken.None);

        var post = await Eventually.WaitForAsync(() => link.Gateway.Posts.FirstOrDefault(), "the post over the link");
        Assert.Equal("CHAT-STAFF", post.ChatId);
        Assert.Contains("**周五下午** 工会活动", post.Content);
        Assert.Equal("markdown", post.Frame.GetProperty("body").GetProperty("msgtype").GetString());
    }

    [Fact]
    public async Task APostTheGatewayRefusesIsClassifiedByItsErrcodeLikeARobotPost()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);
        await link.SayAsync("teacher-li", "/帮助");
        var messenger = link.Host.Services.GetRequiredService<WeComLinkMessenger>();
        var channel = link.Host.Services.GetRequiredService<IOptions<UnionBotOptions>>().Value.Channels.Single(c => c.Id == WeComLinkHost.Channel);
        link.Gateway.SendErrCode = 45009;

        var result = await messenger.SendAsync(channel, new OutgoingMessage("通知", "内容"), CancellationToken.None);

        Assert.Equal(SendOutcome.RateLimited, result.Outcome);
        Assert.Equal(45009, result.ErrorCode);
        Assert.Empty(link.Gateway.Posts);
    }

    [Fact]
    public async Task StoppingTheHostClosesTheSocketWithACloseFrame()
    {
        var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);

        await link.Host.DisposeAsync();

        await Eventually.WaitForAsync(() => link.Gateway.CleanCloses == 1 ? "" : null, "the close frame");
        await link.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task OtherMessageTypesAndEventsAreIgnoredWithoutAReplyAndTheLinkStaysUp()
    {
        await using var link = await WeComLinkHost.StartAsync();
        await link.WaitForStateAsync(LinkState.Connected);

        await link.Gateway.PushAsync("ws-image", """{"msgid":"ws-image","chattype":"group","chatid":"C","from":{"userid":"u"},"msgtype":"image","image":{"url":"x"}}""");
        await link.Gateway.PushAsync("ws-event", """{"msgid":"ws-event","msgtype":"event","event":{"eventtype":"enter_chat"}}""", cmd: "aibot_event_callback");
        await link.Gateway.PushAsync("ws-bad", """{"msgtype":"text"}""");

        await Eventually.WaitForAsync(() => link.Host.Logs.At(LogLevel.Information, "UnionBot.Core.Platforms.WeCom.LongConnection").FirstOrDefault(l => l.Contains("image")), "the ignored image");
        Assert.Contains("报名", await link.SayAsync("teacher-li", "/帮助"));
        Assert.DoesNotContain(link.Gateway.Replies, r => r.MsgId is "ws-image" or "ws-event" or "ws-bad");
        Assert.Equal(LinkState.Connected, link.Status!.State);
    }
}
