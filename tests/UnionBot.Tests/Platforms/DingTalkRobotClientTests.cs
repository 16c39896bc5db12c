using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Announcements;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Platforms;

public sealed class DingTalkRobotClientTests
{
    private const string Secret = "SEC5f8a0c1e2d3b4a59687766554433221100ffeeddccbbaa99887766554433";
    private static readonly OutgoingMessage Notice = new("三月工会活动", "1. 教学基本功评比\n2. 三八节庆祝活动");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task ASignedAnnouncementArrivesAsMarkdownWithTheTitleRepeatedAsAHeading()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1", Secret);

        var result = await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel("TOKEN-1", Secret), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(fake.Accepted);
        Assert.Equal("markdown", request.MsgType);
        Assert.Equal("三月工会活动", request.Title);
        Assert.Equal("#### 三月工会活动\n\n1. 教学基本功评比\n2. 三八节庆祝活动", request.Content);
        var ms = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal($"/robot/send?access_token=TOKEN-1&timestamp={ms}&sign={DingTalkSigner.SignForUrl(Secret, ms)}", request.RawTarget);
    }

    [Fact]
    public async Task TextThatOpensWithItsOwnHeadingIsNotGivenASecondOne()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1");

        await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel("TOKEN-1"), Notice with { Markdown = "## 三月工会活动\n正文" }, CancellationToken.None);

        Assert.Equal("## 三月工会活动\n正文", Assert.Single(fake.Accepted).Content);
    }

    [Fact]
    public async Task EachRequestIsSignedWithAFreshTimestamp()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1", Secret);
        var client = Clients.DingTalk(fake);

        await client.SendAsync(Clients.DingTalkChannel("TOKEN-1", Secret), Notice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(2)); // an old signature would now be outside DingTalk's hour
        var later = await client.SendAsync(Clients.DingTalkChannel("TOKEN-1", Secret), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, later.Outcome);
        Assert.Equal(2, fake.Accepted.Select(r => r.RawTarget).Distinct().Count());
    }

    [Fact]
    public async Task MentionsAreInTheAtObjectAndWrittenIntoTheText()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1");

        await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel("TOKEN-1"),
            Notice with { Mentions = ["lisi", "13800138000", "@all"] }, CancellationToken.None);

        var request = Assert.Single(fake.Accepted);
        Assert.Equal(["lisi"], request.Mentioned);
        Assert.Equal(["13800138000"], request.MentionedMobiles);
        Assert.False(request.AtAll); // "@all" is a person's id here (a user field), never a mention of everyone
        Assert.EndsWith("\n\n@lisi @13800138000", request.Content);
    }

    [Fact]
    public async Task AWrongSecretIsRefusedBySignatureCheckAndIsPermanent()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1", Secret);

        var result = await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel("TOKEN-1", "SECwrong"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Equal(310000, result.ErrorCode);
        Assert.Contains("加签", result.ErrorMessage);
        Assert.Empty(fake.Accepted);
    }

    [Fact]
    public async Task AChannelWithoutTheSecretOfASigningRobotIsRefused()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1", Secret);

        var result = await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel("TOKEN-1"), Notice, CancellationToken.None);

        Assert.Equal(310000, result.ErrorCode);
    }

    [Fact]
    public async Task AnUnknownTokenIsPermanent()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);

        var result = await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel("TOKEN-GONE"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Equal(300001, result.ErrorCode);
    }

    [Fact]
    public async Task OverTwentyAMinuteIsRateLimitedAndTheRobotStaysThrottledForTenMinutes()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1", Secret);
        var client = Clients.DingTalk(fake);
        var channel = Clients.DingTalkChannel("TOKEN-1", Secret);

        for (var i = 0; i < 20; i++)
            Assert.Equal(SendOutcome.Sent, (await client.SendAsync(channel, Notice, CancellationToken.None)).Outcome);
        var over = await client.SendAsync(channel, Notice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var throttled = await client.SendAsync(channel, Notice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var free = await client.SendAsync(channel, Notice, CancellationToken.None);

        Assert.Equal((SendOutcome.RateLimited, 130101), (over.Outcome, over.ErrorCode));
        Assert.Equal((SendOutcome.RateLimited, 410100), (throttled.Outcome, throttled.ErrorCode));
        Assert.Equal(SendOutcome.Sent, free.Outcome);
    }

    [Fact]
    public async Task AnHttp500AndAPostHeldPastTheTimeoutOnTheBotsClockAreTransient()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1");
        fake.FailNextWithHttp(502);
        fake.DelayNext(TimeSpan.FromSeconds(5));
        var client = Clients.DingTalk(fake);

        var failed = await client.SendAsync(Clients.DingTalkChannel("TOKEN-1"), Notice, CancellationToken.None);
        var send = client.SendAsync(Clients.DingTalkChannel("TOKEN-1"), Notice, CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(fake.Held == 1), "the robot holds the post");
        _clock.Advance(RobotHttp.Timeout);
        var slow = await send;

        Assert.Equal(SendOutcome.Transient, failed.Outcome);
        Assert.Equal(SendOutcome.Transient, slow.Outcome);
        Assert.Contains("did not answer within 10 s", slow.ErrorMessage);
        Assert.Empty(fake.Accepted);
    }

    [Fact]
    public async Task ABusyPlatformIsTransientAndAnUnknownCodeIsNeverSuccess()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        fake.AddRobot("TOKEN-1");
        fake.AnswerNext(-1);
        fake.AnswerNext(777777);
        var client = Clients.DingTalk(fake);

        var busy = await client.SendAsync(Clients.DingTalkChannel("TOKEN-1"), Notice, CancellationToken.None);
        var unknown = await client.SendAsync(Clients.DingTalkChannel("TOKEN-1"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, busy.Outcome);
        Assert.Equal((SendOutcome.Permanent, 777777), (unknown.Outcome, unknown.ErrorCode));
        Assert.Equal(2, fake.Received.Count);
    }

    [Fact]
    public async Task AReplyToASessionWebhookIsPostedThereAndRecorded()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        var session = fake.OpenSession("abc123");

        var result = await Clients.DingTalk(fake).SendToSessionAsync(session, Clients.DingTalkChannel("TOKEN-1"),
            new OutgoingMessage("报名成功", "已为你报名 教学基本功评比", ["zhangsan"]), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(fake.Accepted);
        Assert.Equal("session:abc123", request.Robot);
        Assert.Equal("/robot/sendBySession?session=abc123", request.RawTarget);
        Assert.Equal(["zhangsan"], request.Mentioned);
    }

    [Fact]
    public async Task AnExpiredSessionIsPermanentAndAForeignAddressIsNeverContacted()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        var session = fake.OpenSession();
        _clock.Advance(TimeSpan.FromMinutes(91));
        var client = Clients.DingTalk(fake);

        var expired = await client.SendToSessionAsync(session, Clients.DingTalkChannel("T"), Notice, CancellationToken.None);
        var foreign = await client.SendToSessionAsync("http://203.0.113.9/robot/sendBySession?session=x", Clients.DingTalkChannel("T"), Notice, CancellationToken.None);

        Assert.Equal((SendOutcome.Permanent, 300001), (expired.Outcome, expired.ErrorCode));
        Assert.Equal(SendOutcome.Permanent, foreign.Outcome);
        Assert.Single(fake.Received);
    }

    [Fact]
    public async Task AnExpiredSessionIsReportedAsAnExpiredSessionNotAsAWebhookToPasteAgain()
    {
        await using var fake = await FakeDingTalkServer.StartAsync(_clock);
        var session = fake.OpenSession();
        _clock.Advance(TimeSpan.FromMinutes(91));

        var expired = await Clients.DingTalk(fake).SendToSessionAsync(session, Clients.DingTalkChannel("T"), Notice, CancellationToken.None);

        Assert.Equal(300001, expired.ErrorCode);
        Assert.Contains("session", expired.ErrorMessage);
        Assert.Contains("expired", expired.ErrorMessage);
        Assert.DoesNotContain("paste the robot's webhook", expired.ErrorMessage);
        Assert.DoesNotContain("access token", expired.ErrorMessage);
    }
}
