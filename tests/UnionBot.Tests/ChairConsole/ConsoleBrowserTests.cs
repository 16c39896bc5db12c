using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace UnionBot.Tests.ChairConsole;

/// <summary>The console in Debian's Chromium, as the chair uses it on a phone and on the office PC.</summary>
[Collection(nameof(ConsoleBrowserTests))] // one browser at a time: the machine has two cores
public sealed class ConsoleBrowserTests
{
    [BrowserFact]
    public async Task TheChairLogsInWithALinkThatWorksOnlyOnce()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        var link = b.BaseUrl + await b.Host.LinkAsync();
        await using var phone = await b.PhoneAsync();
        var page = await phone.NewPageAsync();

        await page.GotoAsync(link);
        Assert.Equal("登录后台", await page.InnerTextAsync("h1"));
        await ConsoleBrowser.ScreenshotAsync(page, "console-phone-login");
        await page.ClickAsync("button:has-text('进入后台')");

        Assert.EndsWith("/console/", page.Url);
        Assert.Equal("概览", await page.InnerTextAsync("h1"));
        Assert.Contains("王主席", await page.InnerTextAsync("header"));
        await ConsoleBrowser.ScreenshotAsync(page, "console-phone-overview");

        await using var other = await b.DesktopAsync();
        var second = await other.NewPageAsync();
        var response = await second.GotoAsync(link);
        Assert.Equal(401, response!.Status);
        Assert.Contains("已经用过、已过期或不完整", await second.InnerTextAsync("main"));
    }

    [BrowserFact]
    public async Task ATamperedOrExpiredLinkLetsNobodyIn()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        await using var context = await b.PhoneAsync();
        var page = await context.NewPageAsync();
        var link = b.BaseUrl + await b.Host.LinkAsync();

        await page.GotoAsync(link[..^2] + (link[^2] == 'x' ? "yy" : "xx"));
        Assert.Equal("链接已失效", await page.InnerTextAsync("h1"));

        b.Host.Time.Advance(TimeSpan.FromMinutes(11));
        await page.GotoAsync(link);
        Assert.Equal("链接已失效", await page.InnerTextAsync("h1"));
        await page.GotoAsync(b.BaseUrl + "/console/signups");
        Assert.Equal("请先登录", await page.InnerTextAsync("h1"));
    }

    [BrowserFact]
    public async Task ATeacherWhoIsNotAnAdminIsRefused()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        await using var context = await b.PhoneAsync();

        var page = await b.LogInAsync(context, "teacher-li");

        Assert.Equal("没有权限", await page.InnerTextAsync("h1"));
        await page.GotoAsync(b.BaseUrl + "/console/");
        Assert.Equal("请先登录", await page.InnerTextAsync("h1"));
    }

    [BrowserFact]
    public async Task ASignUpExportedAsXlsxReadsBackWithMiniExcel()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        await b.Host.SayAsync(ConsoleHost.Admin, "/发起报名 教职工羽毛球赛 名额2 截止12月31日");
        foreach (var teacher in new[] { "teacher-li", "teacher-zhang", "teacher-chen" })
            await b.Host.SayAsync(teacher, "/报名 教职工羽毛球赛");
        await using var desktop = await b.DesktopAsync();
        var page = await b.LogInAsync(desktop);

        await page.ClickAsync("nav >> text=报名");
        await page.ClickAsync("text=教职工羽毛球赛");
        await ConsoleBrowser.ScreenshotAsync(page, "console-desktop-signup");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 Excel"));
        var file = Path.Combine(ConsoleBrowser.ScreenshotDir, "signup.xlsx");
        await download.SaveAsAsync(file);

        Assert.Equal("报名-教职工羽毛球赛.xlsx", download.SuggestedFilename);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["李老师", "张老师", "陈老师"], rows.Select(r => r["姓名"]?.ToString()));
        Assert.Equal(["已报名", "已报名", "候补1"], rows.Select(r => r["状态"]?.ToString()));
        Assert.Equal(["语文组", "数学组", "英语组"], rows.Select(r => r["分会"]?.ToString()));

        await b.OnPhoneAsync("/console/signups/1", "console-phone-signup");
    }

    [BrowserFact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        await b.Host.SayAsync(ConsoleHost.Admin, "/发起报名 教职工羽毛球赛");
        await using var context = await b.DesktopAsync();
        await b.LogInAsync(context);

        var forged = await context.APIRequest.PostAsync(b.BaseUrl + "/console/signups/1/close");

        Assert.Equal(400, forged.Status);
        Assert.Equal([1L], await b.Host.QueryAsync<long>("SELECT is_open FROM signups WHERE id = 1"));

        var page = await context.NewPageAsync();
        await page.GotoAsync(b.BaseUrl + "/console/signups/1");
        await page.ClickAsync("button:has-text('结束报名')");
        Assert.Contains("已结束", await page.InnerTextAsync("main"));
        Assert.Equal([0L], await b.Host.QueryAsync<long>("SELECT is_open FROM signups WHERE id = 1"));
    }

    [BrowserFact]
    public async Task CorrectingAPlanItemChangesTheSchedule()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        var source = b.Host.Services.GetRequiredService<UnionBot.Core.Schedule.YearScheduleSource>();
        await using var desktop = await b.DesktopAsync();
        var page = await b.LogInAsync(desktop);

        await page.ClickAsync("nav >> text=计划");
        var original = await page.InputValueAsync("input[name=t0]");
        Assert.Equal(source.Current.Plan.Activities[0].Title, original);
        await ConsoleBrowser.ScreenshotAsync(page, "console-desktop-plan");
        await page.FillAsync("input[name=t0]", "教职工迎新春长跑（已改）");
        await page.ClickAsync("button:has-text('发布修改')");

        Assert.Contains("已发布第 1 版", await page.InnerTextAsync("main"));
        Assert.Equal("教职工迎新春长跑（已改）", source.Current.Plan.Activities[0].Title);
        Assert.Contains(source.Current.Announcements, a => a.Text.Contains("教职工迎新春长跑（已改）"));
        Assert.DoesNotContain(source.Current.Announcements, a => a.Text.Contains(original));
        await page.ClickAsync("text=返回计划");
        Assert.Equal("教职工迎新春长跑（已改）", await page.InputValueAsync("input[name=t0]"));
        Assert.Contains("第 1 版", await page.InnerTextAsync("main"));

        await b.OnPhoneAsync("/console/plan", "console-phone-plan");
    }

    [BrowserFact]
    public async Task TheChairImportsTheRosterFromAnXlsxAfterSeeingWhatChanges()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotDir);
        var file = Path.Combine(ConsoleBrowser.ScreenshotDir, "名单.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object> { ["用户ID"] = "chair-userid", ["姓名"] = "王主席", ["分会"] = "工会委员会" },
            new Dictionary<string, object> { ["用户ID"] = "teacher-li", ["姓名"] = "李红", ["分会"] = "语文组" },
            new Dictionary<string, object> { ["用户ID"] = "teacher-wu", ["姓名"] = "吴老师", ["分会"] = "体育组" },
        }, overwriteFile: true);
        await using var desktop = await b.DesktopAsync();
        var page = await b.LogInAsync(desktop);

        await page.ClickAsync("nav >> text=成员");
        await page.SetInputFilesAsync("input[type=file]", file);
        await page.ClickAsync("button:has-text('读取并预览')");

        var preview = await page.InnerTextAsync("main");
        Assert.Contains("新增 1 人，修改 1 人，移除 2 人，不变 1 人", preview);
        Assert.Contains("原来：李老师", preview);
        Assert.Empty(await b.Host.QueryAsync<long>("SELECT id FROM member_imports"));
        await ConsoleBrowser.ScreenshotAsync(page, "console-desktop-members-preview");

        await page.ClickAsync("button:has-text('确认导入')");
        Assert.Contains("已导入「名单.xlsx」：共 3 人", await page.InnerTextAsync("main"));
        await page.ClickAsync("text=返回成员");
        var roster = await page.InnerTextAsync("main");
        Assert.Contains("名单来自后台导入：名单.xlsx", roster);
        Assert.Contains("李红", roster);
        Assert.DoesNotContain("张老师", roster);

        await b.OnPhoneAsync("/console/members", "console-phone-members");
    }

    [BrowserFact]
    public async Task AnUploadedPlanIsADraftUntilTheChairPublishesIt()
    {
        await using var b = await ConsoleBrowser.StartAsync();
        var source = b.Host.Services.GetRequiredService<UnionBot.Core.Schedule.YearScheduleSource>();
        var before = source.Current.Plan.Activities.Count;
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotDir);
        var file = Path.Combine(ConsoleBrowser.ScreenshotDir, "计划.md");
        await File.WriteAllTextAsync(file, "# 2026年学校工会工作计划\n\n## 三月份\n\n1. 举办教职工健步走活动\n2. 召开教代会\n\n## 四月份\n\n- 教职工羽毛球赛\n");
        await using var desktop = await b.DesktopAsync();
        var page = await b.LogInAsync(desktop);

        await page.ClickAsync("nav >> text=计划");
        await page.SetInputFilesAsync("input[type=file]", file);
        await page.ClickAsync("button:has-text('上传')");

        Assert.Contains("上传的计划「计划.md」", await page.InnerTextAsync("main"));
        Assert.Equal(before, source.Current.Plan.Activities.Count);
        await ConsoleBrowser.ScreenshotAsync(page, "console-desktop-plan-draft");
        await page.ClickAsync("button:has-text('发布这份计划')");

        Assert.Contains("已发布第 1 版：3 项活动", await page.InnerTextAsync("main"));
        Assert.Equal(["举办教职工健步走活动", "召开教代会", "教职工羽毛球赛"], source.Current.Plan.Activities.Select(a => a.Title));
        await page.ClickAsync("text=返回计划");
        Assert.Contains("发布上传的 计划.md", await page.InnerTextAsync("main"));

        await b.OnPhoneAsync("/console/plan", "console-phone-plan-history");
    }

    [BrowserFact]
    public async Task TheChairReadsThePlanLineByLineAddsWhatTheReaderSkippedAndSeesEachVersion()
    {
        using var dir = new UnionBot.Tests.Support.TempDirectory();
        var path = dir.File("plan.txt");
        await File.WriteAllTextAsync(path, PlanExplainViewTests.Plan.Replace("\r\n", "\n"));
        await using var b = await ConsoleBrowser.StartAsync(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = path });
        var source = b.Host.Services.GetRequiredService<UnionBot.Core.Schedule.YearScheduleSource>();
        await using var desktop = await b.DesktopAsync();
        var page = await b.LogInAsync(desktop);

        await page.ClickAsync("nav >> text=计划");
        var doubt = page.Locator("ol.explain li.doubt");
        Assert.Equal(1, await doubt.CountAsync());
        Assert.Contains("（1）分组练习", await doubt.InnerTextAsync());
        Assert.Contains("跳过·请核对", await doubt.InnerTextAsync());
        Assert.Contains("1 行请核对", await page.InnerTextAsync("main"));
        Assert.Contains("→ 召开教代会（工会工作）", await page.InnerTextAsync("ol.explain"));
        Assert.True(await doubt.IsVisibleAsync());
        await ConsoleBrowser.ScreenshotAsync(page, "console-desktop-plan-explain");

        // The skipped sub-item is added as an event, 召开教代会 removed, and 拔河比赛 made the union's own task.
        Assert.Equal(["举办教职工拔河比赛", "召开教代会", "教职工羽毛球赛"], source.Current.Plan.Activities.Select(a => a.Title));
        Assert.DoesNotContain("不用报名", await b.Host.SayAsync("teacher-li", "/报名 举办教职工拔河比赛"));
        await page.UncheckAsync("input[name=s0]");
        await page.CheckAsync("input[name=d1]");
        await page.FillAsync("input[name=m3]", "4");
        await page.FillAsync("input[name=t3]", "教职工羽毛球分组练习");
        await page.ClickAsync("button:has-text('发布修改')");

        Assert.Contains("已发布第 1 版：3 项活动", await page.InnerTextAsync("main"));
        Assert.Equal([("举办教职工拔河比赛", false), ("教职工羽毛球赛", true), ("教职工羽毛球分组练习", true)],
            source.Current.Plan.Activities.Select(a => (a.Title, a.SignUp)));
        Assert.Contains("工会工作安排，不用报名", await b.Host.SayAsync("teacher-li", "/报名 举办教职工拔河比赛"));

        await page.ClickAsync("text=返回计划");
        await page.FillAsync("input[name=t2]", "教职工羽毛球分组训练");
        await page.ClickAsync("button:has-text('发布修改')");
        await page.ClickAsync("text=返回计划");

        var history = await page.Locator("section:has(h2:text('版本记录')) tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, history.Count);
        Assert.Contains("第 2 版", history[0]);
        Assert.Contains("使用中", history[0]);
        Assert.DoesNotContain("使用中", history[1]);
        Assert.All(history, row => Assert.Contains("王主席", row));
        Assert.All(history, row => Assert.Contains("修改活动", row));
        Assert.Contains("日程来自第 2 版修改（王主席，", await page.InnerTextAsync("main"));

        var small = await b.OnPhoneAsync("/console/plan", "console-phone-plan-explain");
        Assert.True(await small.Locator("ol.explain li.doubt").IsVisibleAsync());
    }
}
