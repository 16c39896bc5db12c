using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks;

/// <summary>What an attacker sends to the callbacks: replays, forged log lines, forged mentions.</summary>
public sealed class CallbackAttackTests
{
    [Fact]
    public async Task AWeComUrlVerificationThirtyDaysOldIsRefusedLikeAMessage()
    {
        await using var host = await CallbackHost.StartAsync();
        var echostr = host.Crypto.Encrypt("8836451209981233");
        var ts = host.UnixSeconds(TimeSpan.FromDays(-30));
        var sig = host.Crypto.Sign(ts, "42", echostr);

        var response = await host.Client.GetAsync(
            $"/callbacks/wecom/wecom-all?msg_signature={sig}&timestamp={ts}&nonce=42&echostr={Uri.EscapeDataString(echostr)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("8836451209981233", await response.Content.ReadAsStringAsync());
        Assert.Contains("timestamp outside the 1 h window", Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms")));
    }

    [Theory]
    [InlineData("GET", "/callbacks/wecom/wecom-all%0Ainfo:%20FORGED%20admin%20login")]
    [InlineData("POST", "/callbacks/wecom/wecom-all%0D%0Ainfo:%20FORGED%20admin%20login")]
    [InlineData("POST", "/callbacks/dingtalk/ding-union%0Ainfo:%20FORGED%20admin%20login")]
    [InlineData("POST", "/callbacks/dingtalk/x%E2%80%A8info:%20FORGED%20admin%20login")] // U+2028, a line break to many viewers
    public async Task AChannelIdWithALineBreakCannotWriteALineOfItsOwn(string method, string path)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("{}") : null });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms"));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u2028', line);
        Assert.Contains("FORGED", line); // still there, escaped, for whoever reads the log
    }

    [Fact]
    public async Task AChannelIdOfTenThousandCharactersIsLoggedCut()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.PostAsync("/callbacks/dingtalk/" + new string('a', 10_000), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms"));
        Assert.True(line.Length < 300, $"{line.Length} characters logged");
        Assert.Contains("10000 chars", line);
    }

    [Theory]
    [InlineData("d-1\ninfo: FORGED")]
    [InlineData("d-1\u202Eevil")]
    public async Task ADingTalkMsgIdWithAControlOrInvisibleCharacterIsMalformed(string msgId)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage(msgId, "teacher-li", " /帮助"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Pipeline.Received);
        Assert.DoesNotContain("FORGED", host.Logs.All);
    }

    [Fact]
    public async Task ADingTalkSenderCalledAtAllIsNeverAMentionOfEveryone()
    {
        await using var host = await CallbackHost.StartAsync();
        host.Pipeline.Mentions = ["@all", "teacher-zhang", "all", "<@all>"];

        var response = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "@all", " /帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await host.DingTalk.WaitForAcceptedAsync(1));
        Assert.False(post.AtAll);
        Assert.Equal(["teacher-zhang"], post.Mentioned!);
        var at = JsonDocument.Parse(post.Body).RootElement.GetProperty("at");
        Assert.False(at.GetProperty("isAtAll").GetBoolean());
    }

    [Fact]
    public async Task AWeComStreamReplyNeverMentionsEveryone()
    {
        await using var host = await CallbackHost.StartAsync();
        host.Pipeline.Mentions = ["@all", "teacher-zhang", "x><@all"];

        var content = await host.SayOnWeComAsync("@all", "/帮助");

        Assert.DoesNotContain("@all", content);
        Assert.EndsWith("<@teacher-zhang>", content);
    }

    [Fact]
    public async Task ACapturedDingTalkSignCarriesNoOtherBody()
    {
        await using var host = await CallbackHost.StartAsync();
        var timestamp = host.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var sign = DingTalkSigner.Sign(BotSetup.AppSecret, timestamp);
        Assert.Equal(HttpStatusCode.OK, (await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助"), timestamp, sign)).StatusCode);

        var replay = await host.PostDingTalkAsync(host.DingTalk.RobotMessage("d-2", "chair-userid", " /公告 假公告"), timestamp, sign);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("d-1", Assert.Single(host.Pipeline.Received).MessageId);
        Assert.Contains("already used", Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms")));
    }

    [Fact]
    public async Task DingTalkSendingTheSameMessageAgainWithTheSameHeadersIsAnsweredOnceAsBefore()
    {
        await using var host = await CallbackHost.StartAsync();
        var timestamp = host.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var sign = DingTalkSigner.Sign(BotSetup.AppSecret, timestamp);
        var body = host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助");

        var first = await host.PostDingTalkAsync(body, timestamp, sign);
        // The same msgId with other bytes (fields reordered, a later createAt) once the message was claimed.
        var again = await host.PostDingTalkAsync(body.Replace("\"conversationTitle\":\"工会群\"", "\"conversationTitle\":\"工会群 \""), timestamp, sign);
        var third = await host.PostDingTalkAsync(body, timestamp, sign);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, again.StatusCode, third.StatusCode]);
        Assert.Single(host.Pipeline.Received);
        Assert.Single(await host.DingTalk.WaitForAcceptedAsync(1));
    }

    [Fact]
    public async Task ASignCapturedFromAnIgnoredMessageCannotCarryATextBodyWithItsMsgId()
    {
        await using var host = await CallbackHost.StartAsync();
        var timestamp = host.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var sign = DingTalkSigner.Sign(BotSetup.AppSecret, timestamp);
        var text = host.DingTalk.RobotMessage("d-1", "chair-userid", " /公告 假公告");
        Assert.Equal(HttpStatusCode.OK, (await host.PostDingTalkAsync(text.Replace("\"msgtype\":\"text\"", "\"msgtype\":\"picture\""), timestamp, sign)).StatusCode);

        var replay = await host.PostDingTalkAsync(text, timestamp, sign);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Empty(host.Pipeline.Received);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonWithAValidSignIsA400()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostDingTalkAsync("msgtype=text&text=/帮助");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms"));
    }

    [Fact]
    public async Task AHugeEchostrOrHeaderIsRefusedWithoutA500()
    {
        await using var host = await CallbackHost.StartAsync();
        var ts = host.UnixSeconds();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/callbacks/wecom/wecom-all?msg_signature=x&timestamp={ts}&nonce=1&echostr={new string('A', 200_000)}");
        request.Headers.Add("X-Padding", new string('b', 100_000));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(new string('A', 100), host.Logs.All);
    }
}
