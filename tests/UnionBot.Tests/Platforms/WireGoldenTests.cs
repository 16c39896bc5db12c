using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Announcements;
using UnionBot.Core.Platforms;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Platforms;

/// <summary>The exact request line and JSON body each platform receives, pinned in tests/UnionBot.Tests/Golden/.</summary>
public sealed class WireGoldenTests
{
    private const string WeComKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    private const string DingTalkToken = "f3e4d5c6b7a8";
    private const string DingTalkSecret = "SECx";

    public static TheoryData<string> Cases => ["monthly", "festival", "mentions"];

    private static OutgoingMessage Message(string name) => name switch
    {
        "monthly" => new("三月份工会活动",
            "## 三月份工会活动\n\n1. “三﹒八”妇女节专题庆祝活动\n2. 开展扶助困难学生完成学业的活动\n3. 教学基本功评比\n\n"
            + "报名：在群里 @工会助手 发送 `/报名 活动名`，例如 `/报名 教学基本功评比`。"),
        "festival" => new("教师节快乐",
            "## 教师节快乐\n\n老师们辛苦了！校工会向全体教职工致以节日的问候。\n\n> 本月活动：**教师节庆祝活动**，欢迎大家参加。"),
        "mentions" => new("工会公告",
            "## 工会公告\n\n本周五下午 **3:30** 在学校会议室召开工会委员会议，请准时参加。",
            ["@all", "zhangsan", "13800138000"]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WeComReceivesExactlyTheGoldenRequest(string name)
    {
        await using var fake = await FakeWeComServer.StartAsync(null, WeComKey);

        var result = await Clients.WeCom(fake).SendAsync(Clients.WeComChannel(WeComKey), Message(name), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        GoldenFile.AssertMatches($"wecom-{name}.http", Http(Assert.Single(fake.Accepted)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DingTalkReceivesExactlyTheGoldenRequest(string name)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_772_325_000_000)); // 2026-03-01 00:30 UTC
        await using var fake = await FakeDingTalkServer.StartAsync(clock);
        fake.AddRobot(DingTalkToken, DingTalkSecret);

        var result = await Clients.DingTalk(fake).SendAsync(Clients.DingTalkChannel(DingTalkToken, DingTalkSecret), Message(name), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        GoldenFile.AssertMatches($"dingtalk-{name}.http", Http(Assert.Single(fake.Accepted)));
    }

    private static string Http(FakeRequest request) =>
        $"POST {request.RawTarget}\nContent-Type: {request.ContentType}\n\n{request.Body}\n";
}
