using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Announcements;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Platforms;

public sealed class WeComRobotClientTests
{
    private static readonly OutgoingMessage Notice = new("三月工会活动", "## 三月工会活动\n1. **教学基本功评比**\n2. 三八节庆祝活动");

    [Fact]
    public async Task AnAnnouncementArrivesAsMarkdownWithItsTextUnchanged()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");

        var result = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var request = Assert.Single(fake.Accepted);
        Assert.Equal("markdown", request.MsgType);
        Assert.Equal(Notice.Markdown, request.Content);
        Assert.Equal("/cgi-bin/webhook/send?key=KEY-1", request.RawTarget);
    }

    [Fact]
    public async Task TheWholeWebhookUrlPastedAsTheKeyStillReachesTheRobot()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa");

        var channel = Clients.WeComChannel(" " + fake.WebhookUrl("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa") + " ");
        var result = await Clients.WeCom(fake).SendAsync(channel, Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", Assert.Single(fake.Accepted).Robot);
    }

    [Fact]
    public async Task MentionsGoAsPlainTextWithTheMentionListsSoThatPeopleAreNotified()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");
        var message = Notice with { Mentions = ["zhangsan", "@all", "13800138000"] };

        await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), message, CancellationToken.None);

        var request = Assert.Single(fake.Accepted);
        Assert.Equal("text", request.MsgType);
        Assert.Equal("【三月工会活动】\n1. 教学基本功评比\n2. 三八节庆祝活动", request.Content);
        Assert.Equal(["zhangsan"], request.Mentioned);
        Assert.False(request.AtAll); // "@all" is a person's id here (a user field), never a mention of everyone
        Assert.Equal(["13800138000"], request.MentionedMobiles);
    }

    [Fact]
    public async Task TheTwentyFirstMessageInAMinuteIsRateLimitedAndTheNextMinuteIsFreeAgain()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero));
        await using var fake = await FakeWeComServer.StartAsync(clock, "KEY-1");
        var client = Clients.WeCom(fake);
        var channel = Clients.WeComChannel("KEY-1");

        for (var i = 0; i < 20; i++)
            Assert.Equal(SendOutcome.Sent, (await client.SendAsync(channel, Notice, CancellationToken.None)).Outcome);
        var limited = await client.SendAsync(channel, Notice, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(60));
        var later = await client.SendAsync(channel, Notice, CancellationToken.None);

        Assert.Equal(new SendResult(SendOutcome.RateLimited, 45009, limited.ErrorMessage), limited);
        Assert.Equal(SendOutcome.Sent, later.Outcome);
        Assert.Equal(21, fake.Accepted.Count);
    }

    [Fact]
    public async Task AnUnknownKeyIsPermanentAndTellsTheAdministratorToPasteTheWebhookAgain()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");

        var result = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-OLD"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Equal(93000, result.ErrorCode);
        Assert.Contains("wecom-all (全体教职工群)", result.ErrorMessage);
        Assert.Contains("paste the robot's webhook again", result.ErrorMessage);
        Assert.Empty(fake.Accepted);
    }

    [Fact]
    public async Task AnEmptyKeyIsPermanentWithoutAskingTheServer()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");

        var result = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("  "), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("WebhookKey", result.ErrorMessage);
        Assert.Empty(fake.Received);
    }

    [Fact]
    public async Task AnHttp500IsTransient()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");
        fake.FailNextWithHttp(500);

        var result = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains("HTTP 500", result.ErrorMessage);
        Assert.Empty(fake.Accepted);
    }

    [Fact]
    public async Task APageThatIsNotThePlatformsAnswerIsNeverTakenForSuccess()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");
        fake.FailNextWithHttp(200); // a proxy's or captive portal's HTML with status 200
        fake.FailNextWithHttp(404);

        var portal = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), Notice, CancellationToken.None);
        var missing = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, portal.Outcome);
        Assert.Equal(SendOutcome.Permanent, missing.Outcome);
        Assert.Contains("ApiBaseUrl", missing.ErrorMessage);
    }

    [Fact]
    public async Task APostTheRobotHoldsTimesOutWhenTheBotsClockPassesTheTimeoutAndIsTransient()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero));
        await using var fake = await FakeWeComServer.StartAsync(clock, "KEY-1");
        fake.DelayNext(TimeSpan.FromSeconds(5));

        var send = Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), Notice, CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(fake.Held == 1), "the robot holds the post");
        clock.Advance(RobotHttp.Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(send.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await send;

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains("did not answer within 10 s", result.ErrorMessage);
    }

    [Fact]
    public async Task AnUnreachableServerIsTransient()
    {
        // A socket bound but never listening holds the port for the whole test, so every connection to it is refused.
        // The port of a stopped server would be free for another test's server, bound meanwhile, to answer.
        using var held = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        held.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)held.LocalEndPoint!).Port}/") };
        var client = new WeComRobotClient(() => http, TimeProvider.System, NullLogger<WeComRobotClient>.Instance);

        var result = await client.SendAsync(Clients.WeComChannel("KEY-1"), Notice, CancellationToken.None);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains("network error", result.ErrorMessage);
    }

    [Fact]
    public async Task CancellingTheSendCancelsInsteadOfReportingAFailure()
    {
        await using var fake = await FakeWeComServer.StartAsync(null, "KEY-1");
        fake.DelayNext(TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Clients.WeCom(fake).SendAsync(Clients.WeComChannel("KEY-1"), Notice, cts.Token));
    }
}
