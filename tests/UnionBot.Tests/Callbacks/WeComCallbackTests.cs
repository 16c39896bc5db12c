using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Commands;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks;

public sealed class WeComCallbackTests
{
    [Fact]
    public void TheStreamContentMentionsOthersByUserIdAndFitsTheLimit()
    {
        Assert.Equal("**收到**\n<@zhang> <@wang>", StreamBody.ContentOf(new CommandReply("**收到**", ["zhang", "wang"])));

        var cut = StreamBody.ContentOf(new CommandReply(new string('报', 10_000), ["zhang"]));
        Assert.InRange(Encoding.UTF8.GetByteCount(cut), StreamBody.MaxContentBytes - 3, StreamBody.MaxContentBytes);
        Assert.EndsWith("…", cut);
    }

    [Fact]
    public async Task UrlVerificationAnswersTheBarePlaintextOfEchostr()
    {
        await using var host = await CallbackHost.StartAsync();
        var echostr = host.Crypto.Encrypt("8836451209981233");
        var ts = host.UnixSeconds();
        var sig = host.Crypto.Sign(ts, "42", echostr);

        var response = await host.Client.GetAsync(
            $"/callbacks/wecom/wecom-all?msg_signature={sig}&timestamp={ts}&nonce=42&echostr={Uri.EscapeDataString(echostr)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8836451209981233", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UrlVerificationWithAWrongSignatureIsRefused()
    {
        await using var host = await CallbackHost.StartAsync();
        var echostr = host.Crypto.Encrypt("8836451209981233");
        var sig = WeComCrypto.Sign("another-token", "1", "42", echostr);

        var response = await host.Client.GetAsync($"/callbacks/wecom/wecom-all?msg_signature={sig}&timestamp=1&nonce=42&echostr={Uri.EscapeDataString(echostr)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("8836451209981233", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATextCommandIsAnsweredWithAnEncryptedFinishedStreamCarryingTheCallbacksNonce()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "@工会助手 /报名 乒乓球赛"), nonce: "777");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await host.ReadStreamReplyAsync(response, nonce: "777");
        Assert.Equal("stream", reply.GetProperty("msgtype").GetString());
        Assert.True(reply.GetProperty("stream").GetProperty("finish").GetBoolean());
        Assert.Equal("**收到** @工会助手 /报名 乒乓球赛", reply.GetProperty("stream").GetProperty("content").GetString());
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("stream").GetProperty("id").GetString()));
        var message = Assert.Single(host.Pipeline.Received);
        Assert.Equal(("wecom-all", "m-1", "teacher-li", "@工会助手 /报名 乒乓球赛"), (message.ChannelId, message.MessageId, message.UserId, message.Text));
    }

    [Fact]
    public async Task EachStreamReplyHasItsOwnId()
    {
        await using var host = await CallbackHost.StartAsync();

        var first = await host.ReadStreamReplyAsync(await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "/帮助")));
        var second = await host.ReadStreamReplyAsync(await host.PostWeComAsync(CallbackHost.WeComText("m-2", "teacher-li", "/帮助")));

        Assert.NotEqual(first.GetProperty("stream").GetProperty("id").GetString(), second.GetProperty("stream").GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheReplyIsTheJsonTheFrameworksSerializerWritesForIt()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "/帮助"));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        // The bytes Results.Json wrote with ASP.NET Core's options (base64's '+' and '/' as they are) are what WeCom has
        // been given, and the stream message inside is what the serializer writes for it with the same escaping.
        var framework = new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions;
        var reply = JsonSerializer.Deserialize<PassiveReply>(body)!;
        Assert.Equal(JsonSerializer.Serialize(reply, framework), Encoding.UTF8.GetString(body));
        var plain = host.Crypto.Decrypt(reply.Encrypt);
        var stream = JsonSerializer.Deserialize<StreamReply>(plain)!;
        Assert.Equal(JsonSerializer.Serialize(stream, framework), plain);
        Assert.Contains("/帮助", stream.Stream.Content); // the test host echoes the command
        Assert.Equal("stream", stream.MsgType);
    }

    private sealed record PassiveReply(
        [property: JsonPropertyName("encrypt")] string Encrypt,
        [property: JsonPropertyName("msgsignature")] string MsgSignature,
        [property: JsonPropertyName("timestamp")] string Timestamp,
        [property: JsonPropertyName("nonce")] string Nonce);

    private sealed record StreamReply([property: JsonPropertyName("msgtype")] string MsgType, [property: JsonPropertyName("stream")] StreamPart Stream);

    private sealed record StreamPart(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("finish")] bool Finish,
        [property: JsonPropertyName("content")] string Content);

    [Fact]
    public async Task AHandlerFailureBecomesAPoliteReplyAndOneLogLineWithTheSameErrorId()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "/boom"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = (await host.ReadStreamReplyAsync(response)).GetProperty("stream").GetProperty("content").GetString()!;
        Assert.Contains("抱歉", content);
        var errorId = content[(content.IndexOf("错误编号 ", StringComparison.Ordinal) + 5)..^1];
        var line = Assert.Single(host.Logs.At(LogLevel.Error, "UnionBot.Core.Commands.Conversation"));
        Assert.Contains(errorId, line);
    }

    [Fact]
    public async Task TheSameMsgidDeliveredAgainGetsAnEmptySuccessAndRunsNothing()
    {
        await using var host = await CallbackHost.StartAsync();
        var message = CallbackHost.WeComText("m-1", "teacher-li", "/报名 乒乓球赛");

        var first = await host.PostWeComAsync(message);
        var again = await host.PostWeComAsync(message);

        Assert.NotEmpty(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsStringAsync());
        Assert.Single(host.Pipeline.Received);
    }

    [Fact]
    public async Task TwentyDeliveriesOfOneMessageAtTheSameInstantRunTheCommandOnce()
    {
        await using var host = await CallbackHost.StartAsync();
        var message = CallbackHost.WeComText("m-race", "teacher-li", "/报名 乒乓球赛");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.PostWeComAsync(message)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(host.Pipeline.Received);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies, b => b.Length > 0);
    }

    [Fact]
    public async Task AMsgidSeenBeforeARestartIsStillAnsweredOnce()
    {
        using var dir = new Support.TempDirectory();
        var message = CallbackHost.WeComText("m-restart", "teacher-li", "/报名 乒乓球赛");
        await using (var before = await CallbackHost.StartAsync(dir.File("bot.db")))
            Assert.NotEmpty(await (await before.PostWeComAsync(message)).Content.ReadAsStringAsync());

        await using var after = await CallbackHost.StartAsync(dir.File("bot.db"));
        var response = await after.PostWeComAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(after.Pipeline.Received);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("event")]
    [InlineData("mixed")]
    [InlineData("voice")]
    [InlineData("file")]
    public async Task AnUnsupportedMessageTypeGetsAnEmptySuccessAndStoresNothing(string msgtype)
    {
        await using var host = await CallbackHost.StartAsync();
        var plaintext = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["msgid"] = "m-" + msgtype, ["aibotid"] = "A", ["chattype"] = "group", ["from"] = new { userid = "teacher-li" },
            ["msgtype"] = msgtype, [msgtype] = new { url = "https://x", eventtype = "enter_chat" },
        });

        var response = await host.PostWeComAsync(plaintext);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Pipeline.Received);
        Assert.Equal(0, await host.ProcessedCountAsync());
    }

    [Fact]
    public async Task AWrongSignatureIsRefusedWith401AndNothingIsStoredOrLoggedSecret()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "/帮助"),
            signature: encrypt => WeComCrypto.Sign("guessed-token", host.UnixSeconds(), "1234567890", encrypt));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    public async Task ATimestampOutsideTheHourIsRefusedWith401(int hours)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "/帮助"), timestamp: host.UnixSeconds(TimeSpan.FromHours(hours)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData("{\"encrypt\":\"bm90IGEgY2lwaGVydGV4dCBhdCBhbGwhISEhISEhISE=\"}")]
    [InlineData("{\"encrypt\":\"%%%\"}")]
    [InlineData("not json")]
    [InlineData("{\"encrypt\":42}")]
    [InlineData("[]")]
    public async Task AnUndecryptableOrMalformedBodyIsRefusedWith400(string body)
    {
        await using var host = await CallbackHost.StartAsync();
        var ts = host.UnixSeconds();
        var encrypt = body.Contains("\"encrypt\":\"", StringComparison.Ordinal) ? body.Split('"')[3] : body;

        var response = await host.PostRawWeComAsync(body, host.Crypto.Sign(ts, "1234567890", encrypt), ts);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Fact]
    public async Task ADecryptedMessageThatIsNotTheExpectedJsonIsRefusedWith400()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync("""{"msgtype":"text","text":{"content":"/帮助"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Fact]
    public async Task ADecryptedMessageThatIsNotUtf8IsRefusedWith400()
    {
        await using var host = await CallbackHost.StartAsync();
        var ts = host.UnixSeconds();
        // The JSON a client would send, with its content's 报 (E6 8A A5) cut to a lone lead byte.
        var bytes = Encoding.UTF8.GetBytes("""{"msgtype":"text","msgid":"m-1","from":{"userid":"teacher-li"},"text":{"content":"/报名"}}""");
        var cut = Array.IndexOf(bytes, (byte)0xE6);
        var encrypt = host.Crypto.Encrypt([.. bytes[..(cut + 1)], .. bytes[(cut + 3)..]]);

        var response = await host.PostRawWeComAsync($$"""{"encrypt":"{{encrypt}}"}""", host.Crypto.Sign(ts, "1234567890", encrypt), ts);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Fact]
    public async Task ABodyOver64KiBIsRefusedWith413()
    {
        await using var host = await CallbackHost.StartAsync();
        var ts = host.UnixSeconds();
        var huge = "{\"encrypt\":\"" + new string('A', 70_000) + "\"}";

        var response = await host.PostRawWeComAsync(huge, "0", ts);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("wecom-silent")]   // configured, but without Token and EncodingAesKey
    [InlineData("ding-union")]     // a DingTalk channel is not a WeCom callback
    public async Task AChannelThatCannotReceiveAnswers404(string channel)
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "/帮助"), channel: channel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertRefusedQuietly(host);
    }

    private static async Task AssertRefusedQuietly(CallbackHost host)
    {
        Assert.Empty(host.Pipeline.Received);
        Assert.Equal(0, await host.ProcessedCountAsync());
        Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms"));
        Assert.DoesNotContain(BotSetup.Token, host.Logs.All);
        Assert.DoesNotContain(BotSetup.AesKey, host.Logs.All);
        Assert.DoesNotContain(BotSetup.AppSecret, host.Logs.All);
    }
}
