using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.DingTalk.Stream;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Core.Platforms.WeCom.LongConnection;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// JSON may spell a lone UTF-16 surrogate (<c>"\ud800"</c>); reading it as a .NET string throws. Wherever it comes,
/// the body is malformed: a 4xx and one warning line, nothing stored, nothing posted — never a 500 (SPEC section 4).
/// </summary>
public sealed class LoneSurrogateTests
{
    private const string Lone = @"\ud800";

    [Fact]
    public async Task AnUnsignedWeComBodyWithALoneSurrogateIsA400()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostRawWeComAsync($$"""{"encrypt":"{{Lone}}"}""", "0", host.UnixSeconds());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietlyAsync(host);
    }

    [Fact]
    public async Task ADecryptedWeComMessageWithALoneSurrogateIsA400()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.PostWeComAsync(CallbackHost.WeComText("m-1", "teacher-li", "SURROGATE").Replace("SURROGATE", "/建议 " + Lone));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietlyAsync(host);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("msgId")]
    [InlineData("senderNick")]
    [InlineData("msgtype")]
    [InlineData("senderStaffId")]
    [InlineData("sessionWebhook")]
    public async Task ASignedDingTalkBodyWithALoneSurrogateIsA400(string field)
    {
        await using var host = await CallbackHost.StartAsync();
        var body = Regex.Replace(host.DingTalk.RobotMessage("d-1", "teacher-li", " /帮助"), $"\"{field}\":\"", m => m.Value + Lone);

        var response = await host.PostDingTalkAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedQuietlyAsync(host);
        Assert.Empty(host.DingTalk.Received);
    }

    [Fact]
    public async Task ALocalPagePostWithALoneSurrogateIsA400()
    {
        await using var host = await CallbackHost.StartAsync();

        var response = await host.Client.PostAsync("/local/messages",
            new StringContent($$"""{"userId":"teacher-li","text":"/建议 {{Lone}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Pipeline.Received);
    }

    [Fact]
    public void LongConnectionFramesWithALoneSurrogateAreUnreadableNotAnException()
    {
        Assert.Null(WeComFrame.Parse($$$"""{"cmd":"aibot_msg_callback","headers":{"req_id":"{{{Lone}}}"},"body":{}}"""));
        Assert.Null(StreamFrame.Parse(Encoding.UTF8.GetBytes($$"""{"type":"CALLBACK","headers":{"messageId":"m","topic":"t"},"data":"{{Lone}}"}""")));
        Assert.Null(WeComIncoming.Parse($$$"""{"msgtype":"text","msgid":"m","from":{"userid":"u"},"text":{"content":"{{{Lone}}}"}}"""));
        Assert.Null(DingTalkIncoming.Parse(Encoding.UTF8.GetBytes($$"""{"msgtype":"text","msgId":"m","senderStaffId":"{{Lone}}"}""")));
    }

    [Fact]
    public void AnEmojiSpelledAsASurrogatePairIsStillText()
    {
        var message = WeComIncoming.Parse("""{"msgtype":"text","msgid":"m","from":{"userid":"u"},"text":{"content":"/建议 \ud83d\ude00"}}""");

        Assert.Equal("/建议 😀", message?.Text);
    }

    private static async Task AssertRefusedQuietlyAsync(CallbackHost host)
    {
        Assert.Empty(host.Pipeline.Received);
        Assert.Equal(0, await host.ProcessedCountAsync());
        Assert.Single(host.Logs.At(LogLevel.Warning, "UnionBot.Core.Platforms"));
        Assert.Empty(host.Logs.At(LogLevel.Error, ""));
    }
}
