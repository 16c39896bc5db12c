using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Schedule;

public sealed class ScheduleStartupTests
{
    private static (UnionBotFactory Factory, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host, LogCapture Log) Start(
        IDictionary<string, string?>? settings = null)
    {
        var factory = new UnionBotFactory(settings: settings);
        return (factory, factory.WithWebHostBuilder(_ => { }), factory.Logs);
    }

    [Fact]
    public async Task AtStartTheLogSaysWhichPlanHowManyActivitiesAndTheNextThreeAnnouncementsWithTheirGroups()
    {
        // The factory's clock: 1 March 2026 08:00 in Shanghai, so the February notice is past and 20 of 21 are to come.
        var (factory, host, log) = Start(new Dictionary<string, string?>
        {
            ["UnionBot:Channels:0:Id"] = "wecom-all", ["UnionBot:Channels:0:Name"] = "全体教职工群", ["UnionBot:Channels:0:Platform"] = "WeCom",
            ["UnionBot:Channels:0:WebhookKey"] = "secret-webhook-key-value",
            ["UnionBot:Channels:1:Id"] = "ding-union", ["UnionBot:Channels:1:Name"] = "工会委员群", ["UnionBot:Channels:1:Platform"] = "DingTalk",
            ["UnionBot:Channels:1:Mode"] = "LongConnection", ["UnionBot:Channels:1:AppKey"] = "ding-app-key-value",
            ["UnionBot:Channels:1:AppSecret"] = "ding-app-secret-value", ["UnionBot:DingTalk:OpenApiBaseUrl"] = "http://127.0.0.1:9",
        });
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            await client.GetAsync("/healthz");

            var info = log.At(LogLevel.Information).ToList();
            var summary = info.SkipWhile(l => !l.StartsWith("工会助手启动：", StringComparison.Ordinal)).Take(9).ToList();
            Assert.StartsWith("工会助手启动：时区 Asia/Shanghai，数据库 ", summary[0]);
            Assert.Matches(@"^计划：.*000_47ac6d738d8cc271\.txt.*，37 项活动；2026 年共 21 条通知，还有 20 条未发$", summary[1]);
            Assert.Equal("接下来的 3 条通知（发到：全体教职工群、本地频道）：", summary[2]);
            Assert.Equal("  2026-03-02 周一 08:30 月度活动通知「三月份工会活动安排」", summary[3]);
            Assert.Matches(@"^  2026-03-0\d 周. 08:00 ", summary[4]);
            Assert.StartsWith("  2026-03-", summary[5]);
            Assert.Equal("群「全体教职工群」（wecom-all，企业微信）：通知：会发到群里（群机器人 Webhook）；命令：缺少 Token、EncodingAesKey，群里的命令收不到", summary[6]);
            Assert.Equal("群「工会委员群」（ding-union，钉钉）：通知：缺少 AccessToken，通知不会发到这个群；命令：用长连接接收，启动后自动连接（连上没有：看 /healthz 的 long-connections）", summary[7]);
            Assert.StartsWith("本地频道：所有通知也显示在本机聊天页 http://", summary[8]);
            Assert.DoesNotContain(info, l => l.Contains("secret-webhook-key-value") || l.Contains("ding-app-secret-value"));
        }
    }

    [Fact]
    public async Task StartRecordsThePlanLoadAndHealthShowsThePlan()
    {
        var (factory, host, _) = Start();
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

            var plan = json.RootElement.GetProperty("checks").GetProperty("plan");
            Assert.Equal("healthy", plan.GetProperty("status").GetString());
            Assert.Equal(21, plan.GetProperty("data").GetProperty("announcements").GetInt32());
            Assert.Equal(0, plan.GetProperty("data").GetProperty("warnings").GetArrayLength());
            Assert.Equal(21, host.Services.GetRequiredService<IYearScheduleSource>().Current.Announcements.Count);
            Assert.Equal(1, await TestDatabase.ScalarAsync<int>(factory.DatabasePath, "SELECT COUNT(*) FROM plan_loads"));
        }
    }

    [Fact]
    public async Task APlanWrittenInWordIsReadAtStartAndItsMonthsAreAnnounced()
    {
        using var dir = new TempDirectory();
        var path = dir.File("工会计划.docx");
        var doc = new DocxBuilder();
        var items = doc.List(("decimal", "%1、"));
        doc.Paragraph("2026年学校工会工作计划").Paragraph("三月份：").Paragraph("三八节女教师插花活动", items).Paragraph("财务内审", items)
            .Paragraph("四月份：").Paragraph("教职工春季运动会", doc.Instance(1, restartAt: 1));
        await File.WriteAllBytesAsync(path, doc.Build());
        var (factory, host, log) = Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = path });
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

            Assert.Equal("healthy", json.RootElement.GetProperty("checks").GetProperty("plan").GetProperty("status").GetString());
            var schedule = host.Services.GetRequiredService<IYearScheduleSource>().Current;
            Assert.Equal(["三八节女教师插花活动", "财务内审", "教职工春季运动会"], schedule.Plan.Activities.Select(a => a.Title));
            var april = Assert.Single(schedule.Announcements, a => a.Title == "四月份工会活动安排");
            Assert.Contains("教职工春季运动会（可报名）", april.Text);
            var march = Assert.Single(schedule.Announcements, a => a.Title == "三月份工会活动安排");
            Assert.Contains("财务内审\n", march.Text);
            Assert.Contains(log.At(LogLevel.Information), l => l.StartsWith("计划：", StringComparison.Ordinal) && l.Contains("工会计划.docx") && l.Contains("3 项活动"));
        }
    }

    [Fact]
    public async Task APlanWithNoActivitiesMakesThePlanCheckDegradedAndSaysWhy()
    {
        var (factory, host, _) = Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = RepoPaths.Seed("001") });
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
            var plan = json.RootElement.GetProperty("checks").GetProperty("plan");
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("degraded", plan.GetProperty("status").GetString());
            Assert.Contains("no activities", plan.GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task AnUnreadablePlanIsOneErrorLineAndTheBotKeepsRunningWithNoAnnouncements()
    {
        using var dir = new TempDirectory();
        var binary = dir.File("plan.txt");
        await File.WriteAllBytesAsync(binary, [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x00]);
        var (factory, host, log) = Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = binary });
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("degraded", json.RootElement.GetProperty("checks").GetProperty("plan").GetProperty("status").GetString());
            Assert.Empty(host.Services.GetRequiredService<IYearScheduleSource>().Current.Announcements);
            var error = Assert.Single(log.Entries, l => l.Level >= LogLevel.Error && l.Category.StartsWith("UnionBot", StringComparison.Ordinal));
            Assert.Contains(binary, error.Text);
        }
    }
}
