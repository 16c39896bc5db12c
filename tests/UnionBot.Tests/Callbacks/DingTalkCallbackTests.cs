using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks;

public sealed class DingTalkCallbackTests
{
    [Fact]
    public void TheCallbackSignMatchesTheOfficialVector()
    {
        Assert.True(DingTalkCallbackSignature.IsValid("this is secret", "1577262236757", "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=",
            DateTimeOffset.FromUnixTimeMilliseconds(1577262236757).AddMinutes(59)));
    }

    [Fact]
    public async Task ATextCommandIsAnsweredEmptyAtOnceAndTheReplyIsPostedToTheSessionWebhookMentioningTheSender()
    {
        await using var host = await CallbackHost.StartAsync();
        host.Pipeline.Mentions = ["teacher-zhang"];

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", " /报名 乒乓球赛"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("empty", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("msgtype").GetString());
        var post = Assert.Single(await host.DingTalk.WaitForAcceptedAsync(1));
        Assert.Equal("session:s-d-1", post.Robot);
        Assert.Equal("markdown", post.MsgType);
        Assert.Contains("**收到** /报名 乒乓球赛", post.Content);
        Assert.EndsWith("@teacher-li @teacher-zhang", post.Content);
        Assert.Equal(["teacher-li", "teacher-zhang"], post.Mentioned!);
        var message = Assert.Single(host.Pipeline.Received);
        Assert.Equal(("ding-union", "d-1", "teacher-li", "张老师", " /报名 乒乓球赛"),
            (message.ChannelId, message.MessageId, message.UserId, message.UserName, message.Text));
    }

    [Fact]
    public async Task TheSameMsgIdDeliveredAgainIsAnsweredOnce()
    {
        await using var host = await CallbackHost.StartAsync();
        var body = host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.PostDingTalkAsync(body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(host.Pipeline.Received);
        // A reply is only queued after the pipeline ran, so one pipeline call means one post.
        Assert.Single(await host.DingTalk.WaitForAcceptedAsync(1));
    }

    [Fact]
    public async Task ASessionWebhookOnAnotherHostIsNeverPosted()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助", "https://attacker.example/robot/sendBySession?session=x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Fact]
    public async Task AWrongSignIsRefusedWith401()
    {
        await using var host = await CallbackHost.StartAsync();
        var timestamp = host.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助"),
            sign: DingTalkSigner.Sign("guessed-secret", timestamp));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    public async Task ATimestampMoreThanAnHourAwayIsRefusedWith401(int minutes)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助"), at: host.Time.GetUtcNow().AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"msgtype":"text","text":{"content":"/帮助"}}""")]
    [InlineData("""{"msgtype":"text","msgId":"d-1","senderStaffId":"teacher-li","text":{"content":"/帮助"}}""")]
    public async Task AMalformedBodyIsRefusedWith400(string body)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Fact]
    public async Task ABodyOver64KiBIsRefusedWith413()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", new string('长', 30_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("wecom-all")]
    public async Task AChannelThatCannotReceiveAnswers404(string channel)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助"), channel: channel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData("picture")]
    [InlineData("richText")]
    [InlineData("audio")]
    [InlineData("file")]
    public async Task AnUnsupportedMessageTypeGetsAnEmptySuccessAndNothingElse(string msgtype)
    {
        await using var host = await CallbackHost.StartAsync();
        var body = host.DingTalk.RobotMessage("d-1", "teacher-li", "x").Replace("\"msgtype\":\"text\"", $"\"msgtype\":\"{msgtype}\"");

        var response = await host.PostDingTalkAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("empty", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("msgtype").GetString());
        Assert.Empty(host.Pipeline.Received);
        Assert.Equal(0, await host.ProcessedCountAsync());
    }

    private static async Task AssertRefusedQuietly(CallbackHost host)
    {
        Assert.Empty(host.Pipeline.Received);
        Assert.Equal(0, await host.ProcessedCountAsync());
        Assert.Empty(host.DingTalk.Received);
        Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms.DingTalk"));
        Assert.DoesNotContain(BotSetup.AppSecret, host.Logs.All);
        Assert.DoesNotContain("session=", host.Logs.All);
    }
}
