using System.Text.RegularExpressions;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks.Stories;

/// <summary>
/// The whole product through DingTalk: callbacks signed by the test, each answered by a reply posted to its own
/// sessionWebhook on the fake DingTalk; posts to the group go to the fake custom robot.
/// </summary>
public sealed class DingTalkStoryTests
{
    [Fact]
    public async Task TheChairOpensASignUpWithAQuotaAndACancellationPromotesTheWaitingTeacherWithAMention()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        Assert.Contains("名额 2 人", (await host.SayOnDingTalkAsync("chair-userid", "/发起报名 教职工气排球赛 名额2")).Content);
        var li = await host.SayOnDingTalkAsync("teacher-li", "/报名 气排球赛");
        Assert.Contains("报名成功", li.Content);
        Assert.Equal(["teacher-li"], li.Mentioned!);
        Assert.Contains("@teacher-li", li.Content);
        Assert.Contains("报名成功", (await host.SayOnDingTalkAsync("teacher-zhang", "/报名 气排球赛")).Content);
        Assert.Contains("候补第 1 位", (await host.SayOnDingTalkAsync("teacher-chen", "/报名 气排球赛")).Content);

        Assert.Contains("已取消", (await host.SayOnDingTalkAsync("teacher-zhang", "/取消报名 气排球赛")).Content);

        var promotion = await Eventually.WaitForAsync(
            () => host.DingTalk.Accepted.FirstOrDefault(r => r.Robot == BotSetup.AccessToken && r.Content!.Contains("候补转为正式报名")), "the promotion in the group");
        Assert.Contains("teacher-chen", promotion.Mentioned!);
        Assert.Contains("@teacher-chen", promotion.Content);
        var list = (await host.SayOnDingTalkAsync("teacher-li", "/名单 气排球赛")).Content!;
        Assert.Contains("2/2", list);
        Assert.Contains("陈老师", list);
        Assert.DoesNotContain("张老师", list);
    }

    [Fact]
    public async Task APollIsCreatedVotedChangedClosedAndItsResultShown()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        Assert.Contains("投票 #1", (await host.SayOnDingTalkAsync("teacher-li", "/投票 春游去哪里 选项：植物园、湿地公园 多选")).Content);
        Assert.Contains("已投票", (await host.SayOnDingTalkAsync("teacher-zhang", "/投 1 1 2")).Content);
        Assert.Contains("已投票", (await host.SayOnDingTalkAsync("teacher-chen", "/投 1 1")).Content);
        Assert.Contains("已改票", (await host.SayOnDingTalkAsync("teacher-zhang", "/投 1 2")).Content);

        var closed = (await host.SayOnDingTalkAsync("chair-userid", "/结束投票 1")).Content!;

        Assert.Contains("已结束", closed);
        Assert.Contains("共 2 人投票", closed);
        Assert.Contains("1 票 50%", closed);
        Assert.Contains("已经结束", (await host.SayOnDingTalkAsync("teacher-li", "/投 1 1")).Content);
        Assert.Contains("1 票 50%", (await host.SayOnDingTalkAsync("teacher-li", "/结果 1")).Content);
    }

    [Fact]
    public async Task AnAnonymousSuggestionIsAnsweredInTheGroupByReceiptAndQueriedWithoutNamingAnyone()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        var receipt = Regex.Match((await host.SayOnDingTalkAsync("teacher-chen", "/建议 匿名 办公室添置饮水机")).Content!, @"JY-2026-\d{4}").Value;
        Assert.NotEmpty(receipt);
        Assert.Contains("已回复", (await host.SayOnDingTalkAsync("chair-userid", $"/建议 回复 {receipt} 本月内安装")).Content);

        var posted = await Eventually.WaitForAsync(
            () => host.DingTalk.Accepted.FirstOrDefault(r => r.Robot == BotSetup.AccessToken && r.Content!.Contains(receipt)), "the answer in the group");
        Assert.DoesNotContain("teacher-chen", posted.Body);
        Assert.Contains("本月内安装", (await host.SayOnDingTalkAsync("teacher-chen", $"/建议 查询 {receipt}")).Content);
        Assert.Null(await TestDatabase.ScalarAsync<string?>(host.DatabasePath, "SELECT user_id FROM suggestions WHERE receipt = @receipt", new { receipt }));
    }
}
