using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

public sealed class PlanUploadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private ConsoleHost StartWithSeed()
    {
        var path = _dir.File("plan.txt");
        File.Copy(RepoPaths.Seed("000"), path);
        return ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = path });
    }

    private static byte[] WordPlan()
    {
        var doc = new DocxBuilder();
        var outline = doc.List(("chineseCounting", "%1、"), ("decimal", "%2."));
        doc.Paragraph("2026年学校工会工作计划").Paragraph("工作安排")
            .Paragraph("三月份", outline).Paragraph("举办教职工拔河比赛", outline, 1).Paragraph("庆祝三八妇女节", outline, 1)
            .Paragraph("九月份", outline).Paragraph("慰问新入职教师", outline, 1);
        return doc.Build();
    }

    [Fact]
    public async Task AnUploadedDocxIsADraftUntilPublishedThenTheScheduleAndItsTextComeFromIt()
    {
        await using var host = StartWithSeed();
        await host.LoginAsync();
        var source = host.Services.GetRequiredService<YearScheduleSource>();
        var before = source.Current.Plan.Activities.Select(a => a.Title).ToList();

        var upload = await host.UploadAsync("/console/plan", "/console/plan/upload", WordPlan(), "2026计划.docx");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = await host.Client.GetStringAsync("/console/plan");
        Assert.Contains("上传的计划「2026计划.docx」", page);
        Assert.Contains("读到 3 项活动", page);
        Assert.Contains("＋ 举办教职工拔河比赛", page);
        Assert.Equal(before, source.Current.Plan.Activities.Select(a => a.Title));
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM plan_versions"));

        var publish = await host.SubmitAsync("/console/plan", "/console/plan/publish", ("from", "upload"), ("upload", "1"));

        Assert.Contains("已发布第 1 版：3 项活动", await publish.Content.ReadAsStringAsync());
        Assert.Equal(["举办教职工拔河比赛", "庆祝三八妇女节", "慰问新入职教师"], source.Current.Plan.Activities.Select(a => a.Title));
        Assert.Contains(source.Current.Announcements, a => a.Text.Contains("举办教职工拔河比赛"));
        Assert.False(source.DraftWaiting); // the plan file did not change: nothing waits
        page = await host.Client.GetStringAsync("/console/plan");
        Assert.DoesNotContain("<span class=\"tag wait\">草稿</span>", page);
        Assert.Contains("来自上传的「2026计划.docx」", page);
        Assert.Contains("二、九月份", page); // the original text column shows the Word file's text, numbering included
        Assert.Contains("发布上传的 2026计划.docx", page);
        Assert.Equal(["upload-plan", "publish-plan"], await host.QueryAsync<string>(
            "SELECT action FROM audit_log WHERE user_id = 'chair-userid' AND action LIKE '%plan' ORDER BY id"));

        var again = await host.SubmitAsync("/console/plan", "/console/plan/publish", ("from", "upload"), ("upload", "1"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await host.QueryAsync<long>("SELECT id FROM plan_versions"));
    }

    [Fact]
    public async Task TheVersionHistoryListsEachPublicationWithItsDateAndWhoPublishedIt()
    {
        await using var host = StartWithSeed();
        await host.LoginAsync();
        var markdown = "# 2026年学校工会工作计划\n\n## 三月份\n\n1. 举办教职工健步走活动\n2. 召开教代会\n\n## 四月份\n\n- 教职工羽毛球赛\n";
        Assert.Equal(HttpStatusCode.Redirect, (await host.UploadAsync("/console/plan", "/console/plan/upload", Encoding.UTF8.GetBytes(markdown), "计划.md")).StatusCode);
        var published = await (await host.SubmitAsync("/console/plan", "/console/plan/publish", ("from", "upload"), ("upload", "1"))).Content.ReadAsStringAsync();
        Assert.Contains("已发布第 1 版：3 项活动", published[published.IndexOf("<main>")..]);
        host.Time.Advance(TimeSpan.FromHours(3)); // within the 12-hour session
        await host.SubmitAsync("/console/plan", "/console/plan/publish", ("rows", "1"), ("m0", "4"), ("t0", "教职工健步走（改到四月）"), ("f0", ""));

        var page = await host.Client.GetStringAsync("/console/plan");

        var history = page[page.IndexOf("版本记录", StringComparison.Ordinal)..];
        Assert.True(history.IndexOf("第 2 版", StringComparison.Ordinal) < history.IndexOf("第 1 版", StringComparison.Ordinal));
        Assert.Contains("第 2 版 <span class=\"tag ok\">使用中</span>", history);
        Assert.Contains("修改活动", history);
        Assert.Contains("发布上传的 计划.md", history);
        Assert.Contains("王主席", history);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Contains(TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), zone).ToString("yyyy年M月d日 HH:mm"), history);
        Assert.Contains(TimeZoneInfo.ConvertTime(host.Time.GetUtcNow().AddHours(-3), zone).ToString("yyyy年M月d日 HH:mm"), history);
        Assert.Contains("来自上传的「计划.md」", page); // a correction on top of an upload still shows the upload's text
    }

    [Theory]
    [InlineData("计划.pdf", "不是 .txt、.md 或 .docx")]
    [InlineData("计划.docx", "读不出这份计划。请确认它是在 Word 或 WPS 里“另存为”的 .docx")]
    public async Task AFileThatIsNotAReadablePlanIsRefusedAndStoresNothing(string name, string answer)
    {
        await using var host = StartWithSeed();
        await host.LoginAsync();

        var response = await host.UploadAsync("/console/plan", "/console/plan/upload", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(answer, await response.Content.ReadAsStringAsync());
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM plan_uploads"));
    }

    [Fact]
    public async Task ADiscardedDraftLeavesTheScheduleAsItWas()
    {
        await using var host = StartWithSeed();
        await host.LoginAsync();
        await host.UploadAsync("/console/plan", "/console/plan/upload", WordPlan(), "计划.docx");

        var discard = await host.SubmitAsync("/console/plan", "/console/plan/discard", ("upload", "1"));

        Assert.Contains("已放弃", await discard.Content.ReadAsStringAsync());
        Assert.DoesNotContain("上传的计划「计划.docx」", await host.Client.GetStringAsync("/console/plan"));
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM plan_versions"));
        var audit = await host.Client.GetStringAsync("/console/audit");
        Assert.Contains("上传计划（草稿）", audit);
        Assert.Contains("放弃上传的计划", audit);
        Assert.Equal(HttpStatusCode.Conflict,
            (await host.SubmitAsync("/console/plan", "/console/plan/publish", ("from", "upload"), ("upload", "1"))).StatusCode);
    }

    [Fact]
    public async Task AnUploadWithoutTheAntiforgeryTokenIsRefusedAndStoresNothing()
    {
        await using var host = StartWithSeed();
        await host.LoginAsync();

        var response = await host.UploadAsync("/console/plan", "/console/plan/upload", WordPlan(), "计划.docx", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM plan_uploads"));
    }

    public void Dispose() => _dir.Dispose();
}
