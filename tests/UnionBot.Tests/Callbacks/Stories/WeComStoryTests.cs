using System.Text.RegularExpressions;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks.Stories;

/// <summary>
/// The whole product through WeCom: callbacks encrypted by the test, answered by the real pipeline in the encrypted
/// stream reply; what is posted to the group (a promotion, a suggestion's answer) reaches the fake group robot.
/// </summary>
public sealed class WeComStoryTests
{
    [Fact]
    public async Task TheChairOpensASignUpWithAQuotaAndACancellationPromotesTheWaitingTeacherWithAMention()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        Assert.Contains("名额 2 人", await host.SayOnWeComAsync("chair-userid", "/发起报名 教职工气排球赛 名额2"));
        Assert.Contains("报名成功", await host.SayOnWeComAsync("teacher-li", "/报名 气排球赛"));
        Assert.Contains("报名成功", await host.SayOnWeComAsync("teacher-zhang", "/报名 气排球赛"));
        Assert.Contains("候补第 1 位", await host.SayOnWeComAsync("teacher-chen", "/报名 气排球赛"));
        Assert.Contains("不用重复报名", await host.SayOnWeComAsync("teacher-li", "/报名 气排球赛"));

        Assert.Contains("已取消", await host.SayOnWeComAsync("teacher-zhang", "/取消报名 气排球赛"));

        var promotion = await Eventually.WaitForAsync(() => host.WeCom.Accepted.FirstOrDefault(r => r.Content!.Contains("候补转为正式报名")), "the promotion in the group");
        Assert.Contains("teacher-chen", promotion.Mentioned!);
        var list = await host.SayOnWeComAsync("teacher-li", "/名单 气排球赛");
        Assert.Contains("2/2", list);
        Assert.Contains("李老师", list);
        Assert.Contains("陈老师", list);
        Assert.DoesNotContain("张老师", list);
    }

    [Fact]
    public async Task APollIsCreatedVotedChangedClosedAndItsResultShown()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        Assert.Contains("投票 #1", await host.SayOnWeComAsync("teacher-li", "/投票 工会活动放在哪天 选项：周三下午、周五下午、周六上午"));
        Assert.Contains("已投票", await host.SayOnWeComAsync("teacher-zhang", "/投 1 1"));
        Assert.Contains("已投票", await host.SayOnWeComAsync("teacher-chen", "/投 1 2"));
        Assert.Contains("已改票", await host.SayOnWeComAsync("teacher-zhang", "/投 1 2"));
        Assert.Contains("只有发起人或工会管理员", await host.SayOnWeComAsync("teacher-chen", "/结束投票 1"));

        var closed = await host.SayOnWeComAsync("teacher-li", "/结束投票 1");

        Assert.Contains("已结束", closed);
        Assert.Contains("共 2 人投票", closed);
        Assert.Contains("2 票 100%", closed);
        Assert.Contains("已经结束", await host.SayOnWeComAsync("teacher-li", "/投 1 3"));
        Assert.Contains("2 票 100%", await host.SayOnWeComAsync("teacher-chen", "/结果 1"));
    }

    [Fact]
    public async Task AnAnonymousSuggestionIsAnsweredInTheGroupByReceiptAndQueriedWithoutNamingAnyone()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);

        var receipt = Regex.Match(await host.SayOnWeComAsync("teacher-chen", "/建议 匿名 食堂增加素食窗口"), @"JY-2026-\d{4}").Value;
        Assert.NotEmpty(receipt);
        Assert.Contains("已回复", await host.SayOnWeComAsync("chair-userid", $"/建议 回复 {receipt} 已与食堂沟通，下周起增加"));

        var posted = await Eventually.WaitForAsync(() => host.WeCom.Accepted.FirstOrDefault(r => r.Content!.Contains(receipt)), "the answer in the group");
        Assert.DoesNotContain("teacher-chen", posted.Body);
        Assert.DoesNotContain("陈老师", posted.Body);
        var status = await host.SayOnWeComAsync("teacher-chen", $"/建议 查询 {receipt}");
        Assert.Contains("已与食堂沟通", status);
        Assert.Null(await TestDatabase.ScalarAsync<string?>(host.DatabasePath, "SELECT user_id FROM suggestions WHERE receipt = @receipt", new { receipt }));
    }
}
