using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.DingTalk.Stream;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Core.Platforms.Local;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Platforms;

public sealed class PlatformsHostingTests
{
    [Fact]
    public async Task TheHostSendsThroughEachConfiguredPlatformWithoutLoggingASecret()
    {
        await using var setup = (await BotSetup.WithRobotsAsync(BotSetup.Clock(new DateTime(2026, 3, 1, 8, 30, 0))))
            .WithWeComGroup().WithDingTalkGroup()
            .WithServices(services => services.AddLogging(l => l.AddFilter<LogCapture>(_ => true)));
        var (wecom, ding) = (setup.WeCom, setup.DingTalk);
        // The whole webhook address pasted as the key, and a base address ending in a slash, still reach the robots.
        setup.With("UnionBot:Channels:0:WebhookKey", wecom.WebhookUrl(BotSetup.WebhookKey)).With("UnionBot:DingTalk:ApiBaseUrl", ding.BaseUrl + "/");
        using var host = setup.Build();
        var logs = host.Logs;
        var channels = host.Services.GetRequiredService<IOptions<UnionBotOptions>>().Value.Channels;
        var messengers = host.Services.GetServices<IPlatformMessenger>().Where(m => m.Path == UnionBot.Core.Options.SendPath.Webhook).ToDictionary(m => m.Platform);
        var message = new OutgoingMessage("工会公告", "## 工会公告\n周五开会");

        var results = new List<SendResult>();
        foreach (var channel in channels)
            results.Add(await messengers[channel.Platform].SendAsync(channel, message, CancellationToken.None));
        results.Add(await messengers[PlatformKind.Local].SendAsync(new ChannelOptions { Id = "local" }, message, CancellationToken.None));

        Assert.Equal([PlatformKind.Local, PlatformKind.WeCom, PlatformKind.DingTalk], messengers.Keys.Order());
        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Single(wecom.Accepted);
        Assert.Single(ding.Accepted);
        Assert.Contains(host.Services.GetRequiredService<LocalFeed>().Since(0), i => i.Kind == "announcement" && i.Text == message.Markdown);
        Assert.Contains(logs.Lines, l => l.Contains("WeCom robot of channel wecom-all")); // the senders' own lines were captured
        Assert.DoesNotContain(logs.Lines, l => l.Contains(BotSetup.WebhookKey) || l.Contains(BotSetup.AccessToken) || l.Contains(BotSetup.RobotSecret));
    }

    [Fact]
    public async Task ABotWhoseGroupsHaveNoRobotKeysBuildsNoHttpHandlerUntilItPosts()
    {
        var built = new BuiltHandlers();
        using var factory = BotSetup.WithoutRobots()
            .WithServices(services => services.AddSingleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter>(built))
            .Build();
        using var http = factory.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.NotEmpty(factory.Services.GetServices<IPlatformMessenger>());
        Assert.Empty(built.Names);

        var weCom = factory.Services.GetServices<IPlatformMessenger>().OfType<WeComRobotClient>().Single();
        var channel = new ChannelOptions { Id = "wecom-all", Platform = PlatformKind.WeCom, WebhookKey = "KEY-1" };
        await weCom.SendAsync(channel, new OutgoingMessage("通知", "内容"), new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal([nameof(WeComRobotClient)], built.Names);
    }

    /// <summary>Names the HTTP handlers the client factory builds (it runs its filters once per handler it builds).</summary>
    private sealed class BuiltHandlers : Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter
    {
        public ConcurrentQueue<string> Names { get; } = new();

        public Action<Microsoft.Extensions.Http.HttpMessageHandlerBuilder> Configure(Action<Microsoft.Extensions.Http.HttpMessageHandlerBuilder> next) =>
            builder =>
            {
                Names.Enqueue(builder.Name ?? "");
                next(builder);
            };
    }

    [Fact]
    public void ThePlatformsHttpClientsLeaveEveryTimeoutToTheBotsClock()
    {
        // A real-time HttpClient.Timeout would give up on a post that a loaded machine made slow while a test's fake clock
        // stood still, and its retry would then wait on that clock for ever; the senders time each post on TimeProvider.
        using var factory = new UnionBotFactory();
        var clients = factory.Services.GetRequiredService<IHttpClientFactory>();

        Assert.All([nameof(WeComRobotClient), nameof(DingTalkRobotClient), nameof(DingTalkStreamGateway)],
            name => Assert.Equal(Timeout.InfiniteTimeSpan, clients.CreateClient(name).Timeout));
    }

    [Fact]
    public void EachMessengerStatesItsSizeLimitInUtf8Bytes()
    {
        using var factory = new UnionBotFactory();
        var limits = factory.Services.GetServices<IPlatformMessenger>().Where(m => m.Path == UnionBot.Core.Options.SendPath.Webhook).ToDictionary(m => m.Platform, m => m.MaxMessageBytes);

        Assert.Equal(4096, limits[PlatformKind.WeCom]);
        Assert.InRange(limits[PlatformKind.DingTalk], 18_000, 20_000);
        Assert.True(limits[PlatformKind.Local] >= 20_000);
    }
}
