using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.Local;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Tests.Platforms;

public sealed class PayloadTests
{
    [Fact]
    public void AWeComMessageWithMentionsTooLongForTextKeepsEveryWordAsMarkdownWithInlineMentions()
    {
        var markdown = "## 工会公告\n" + string.Concat(Enumerable.Repeat("请各分会于本周五前上报参加体检的名单。\n", 40)); // > 2048 bytes

        var payload = WeComRobotClient.BuildPayload(new OutgoingMessage("工会公告", markdown, ["zhangsan", "@all"]));

        Assert.Equal("markdown", payload.MsgType);
        Assert.Equal(markdown + "\n\n<@zhangsan>", payload.Markdown!.Content);
    }

    [Fact]
    public void AWeComMessageWithoutMentionsIsMarkdownHoweverLong()
    {
        var markdown = new string('会', 1300); // 3900 bytes: over the text limit, within markdown's

        var payload = WeComRobotClient.BuildPayload(new OutgoingMessage("t", markdown));

        Assert.Equal(("markdown", markdown), (payload.MsgType, payload.Markdown!.Content));
        Assert.Null(payload.Text);
    }

    [Fact]
    public void ADingTalkMessageWithoutATitleTakesItsFirstLine()
    {
        var payload = DingTalkRobotClient.BuildPayload(new OutgoingMessage(" ", "\n> 重要通知：周五体检\n详情见下"));

        Assert.Equal("重要通知：周五体检", payload.Markdown!.Title);
        Assert.StartsWith("#### 重要通知：周五体检\n\n", payload.Markdown.Text);
    }

    [Fact]
    public void ADingTalkPartAtTheLimitStaysWithinTwentyThousandBytes()
    {
        var part = new string('会', 6660); // 19 980 bytes: the mention still fits, the heading no longer does

        var payload = DingTalkRobotClient.BuildPayload(new OutgoingMessage("工会公告", part, ["zhangsan"]));

        Assert.Equal(part + "\n\n@zhangsan", payload.Markdown!.Text);
        Assert.Equal(["zhangsan"], payload.At!.AtUserIds);
        Assert.True(Encoding.UTF8.GetByteCount(payload.Markdown.Text) <= DingTalkRobotClient.MaxContentBytes);
    }

    [Fact]
    public void MobileNumbersAreSortedFromUserIdsAndAnAtAllIdIsDropped()
    {
        var targets = MentionTargets.From(["13800138000", "1380013800", "zhangsan", "@ALL", " ", "zhangsan", "23800138000", "all", "<@all>"]);

        Assert.Equal(["1380013800", "zhangsan", "23800138000"], targets.UserIds);
        Assert.Equal(["13800138000"], targets.Mobiles);
    }

    [Fact]
    public async Task TheLocalChannelPostsToTheLocalPageAsTheUnionAssistantWithItsMentions()
    {
        var feed = new LocalFeed(TimeProvider.System);
        var local = new LocalMessenger(feed, NullLogger<LocalMessenger>.Instance);

        var result = await local.SendAsync(new ChannelOptions { Id = "local" }, new OutgoingMessage("公告", "## 公告\n周五开会", ["@all", "zhangsan"]), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var item = Assert.Single(feed.Since(0));
        Assert.Equal(("工会助手", "announcement", "## 公告\n周五开会\n\n@zhangsan"), (item.Author, item.Kind, item.Text));
    }
}
