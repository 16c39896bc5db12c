using Microsoft.Extensions.Time.Testing;
using System.Text;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Fakes;

/// <summary>The fakes refuse what the real platforms refuse, so a sender that passes against them is right on the wire.</summary>
public sealed class FakePlatformServerTests
{
    private static readonly HttpClient Http = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("not json", 40035)]
    [InlineData("[]", 40035)]
    [InlineData("""{"msgtype":"image","image":{}}""", 40008)]
    [InlineData("""{"msgtype":"markdown"}""", 40035)]
    [InlineData("""{"msgtype":"markdown","markdown":{"content":"  "}}""", 44004)]
    [InlineData("""{"msgtype":"text","text":{"content":"hi","mentioned_list":"zhangsan"}}""", 40035)]
    [InlineData("""{"msgtype":"text","text":{"content":"hi","mentioned_list":["zhangsan"]}}""", 0)]
    public async Task WeComChecksTheShapeOfTheBody(string body, int errcode)
    {
        await using var fake = await FakeWeComServer.StartAsync(_clock, "K");

        Assert.Equal(errcode, await PostAsync(fake.WebhookUrl("K"), body));
    }

    [Theory]
    [InlineData("text", 2048, 0)]
    [InlineData("text", 2049, 40058)]
    [InlineData("markdown", 4096, 0)]
    [InlineData("markdown", 4097, 40058)]
    public async Task WeComCountsTheContentLimitInUtf8Bytes(string msgType, int bytes, int errcode)
    {
        await using var fake = await FakeWeComServer.StartAsync(_clock, "K");
        var content = new string('工', bytes / 3) + new string('x', bytes % 3);

        Assert.Equal(errcode, await PostAsync(fake.WebhookUrl("K"), $$$"""{"msgtype":"{{{msgType}}}","{{{msgType}}}":{"content":"{{{content}}}"}}"""));
    }

    [Theory]
    [InlineData(19_999, 0)]
    [InlineData(20_001, 460101)]
    public async Task DingTalkCountsTheContentLimitInUtf8Bytes(int bytes, int errcode)
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("T");
        var text = new string('工', bytes / 3) + new string('x', bytes % 3);

        var answer = await PostAsync($"{fake.BaseUrl}/robot/send?access_token=T", $$$"""{"msgtype":"markdown","markdown":{"title":"t","text":"{{{text}}}"}}""");

        Assert.Equal(errcode, answer);
    }

    [Fact]
    public async Task DingTalkRefusesADoubleEncodedSignAStaleTimestampAndAMissingKeyword()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("T", "SECx", keyword: "工会");
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        while (!DingTalkSigner.Sign("SECx", now).Contains('+')) now--; // an unencoded '+' arrives as a space
        var stale = now - (long)TimeSpan.FromMinutes(61).TotalMilliseconds;
        string Url(long ts, string sign) => $"{fake.BaseUrl}/robot/send?access_token=T&timestamp={ts}&sign={sign}";
        const string body = """{"msgtype":"text","text":{"content":"工会通知"}}""";

        var good = await PostAsync(Url(now, DingTalkSigner.SignForUrl("SECx", now)), body);
        var doubleEncoded = await PostAsync(Url(now, Uri.EscapeDataString(DingTalkSigner.SignForUrl("SECx", now))), body);
        var notEncoded = await PostAsync(Url(now, DingTalkSigner.Sign("SECx", now)), body);
        var old = await PostAsync(Url(stale, DingTalkSigner.SignForUrl("SECx", stale)), body);
        var noKeyword = await PostAsync(Url(now, DingTalkSigner.SignForUrl("SECx", now)), """{"msgtype":"text","text":{"content":"通知"}}""");

        Assert.Equal((0, 310000, 310000, 310000, 310000), (good, doubleEncoded, notEncoded, old, noKeyword));
    }

    [Fact]
    public async Task ScriptedAnswersApplyToTheNextRequestsInOrderThenTheFakeBehavesNormally()
    {
        await using var fake = await FakeWeComServer.StartAsync(_clock, "K");
        fake.AnswerNext(-1, times: 2);
        fake.AnswerNext(93000);
        const string body = """{"msgtype":"markdown","markdown":{"content":"hi"}}""";

        var answers = new List<int>();
        for (var i = 0; i < 4; i++) answers.Add(await PostAsync(fake.WebhookUrl("K"), body));

        Assert.Equal([-1, -1, 93000, 0], answers);
        Assert.Equal(4, fake.Received.Count);
        Assert.Single(fake.Accepted);
    }

    [Fact]
    public async Task TheRateLimitCountsPerRobotAndCanBeSwitchedOff()
    {
        await using var fake = await FakeWeComServer.StartAsync(_clock, "A", "B");
        const string body = """{"msgtype":"markdown","markdown":{"content":"hi"}}""";
        for (var i = 0; i < 20; i++) await PostAsync(fake.WebhookUrl("A"), body);

        var otherRobot = await PostAsync(fake.WebhookUrl("B"), body);
        var sameRobot = await PostAsync(fake.WebhookUrl("A"), body);
        fake.RateLimit = null;
        var unlimited = await PostAsync(fake.WebhookUrl("A"), body);

        Assert.Equal((0, 45009, 0), (otherRobot, sameRobot, unlimited));
        Assert.Equal(21, fake.MaxAcceptedInAnyWindow("A", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task ConcurrentRequestsAreAllRecorded()
    {
        await using var fake = await FakeWeComServer.StartAsync(_clock, "K");
        fake.RateLimit = null;
        const string body = """{"msgtype":"markdown","markdown":{"content":"hi"}}""";

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostAsync(fake.WebhookUrl("K"), body)));

        Assert.Equal(50, (await fake.WaitForAcceptedAsync(50)).Count);
    }

    private static async Task<int> PostAsync(string url, string body)
    {
        using var response = await Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errcode").GetInt32();
    }
}
