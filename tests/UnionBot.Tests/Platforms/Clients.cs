using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Platforms;

/// <summary>
/// The senders pointed at a fake server, as AddPlatforms configures them: no <c>HttpClient.Timeout</c>, each post timed
/// on the clock given (the fake's unless told), so a test moves that clock to make a post time out.
/// </summary>
internal static class Clients
{
    public static WeComRobotClient WeCom(FakeWeComServer fake, TimeProvider? time = null)
    {
        var http = Http(fake);
        return new(() => http, time ?? fake.Time, NullLogger<WeComRobotClient>.Instance);
    }

    public static DingTalkRobotClient DingTalk(FakeDingTalkServer fake)
    {
        var http = Http(fake);
        return new(() => http, fake.Time, NullLogger<DingTalkRobotClient>.Instance);
    }

    public static ChannelOptions WeComChannel(string webhookKey) =>
        new() { Id = "wecom-all", Name = "全体教职工群", Platform = PlatformKind.WeCom, WebhookKey = webhookKey };

    public static ChannelOptions DingTalkChannel(string accessToken, string secret = "") =>
        new() { Id = "ding-union", Name = "工会委员群", Platform = PlatformKind.DingTalk, AccessToken = accessToken, Secret = secret };

    private static HttpClient Http(FakePlatformServer fake) =>
        new() { BaseAddress = new Uri(fake.BaseUrl + "/"), Timeout = Timeout.InfiniteTimeSpan };
}
