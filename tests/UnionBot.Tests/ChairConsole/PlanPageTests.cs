using System.Net;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.ChairConsole;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

public sealed class PlanPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string CopyOfSeed()
    {
        var path = _dir.File("plan.txt");
        File.Copy(RepoPaths.Seed("000"), path);
        return path;
    }

    private static (string Key, string Value)[] OneActivity(string months, string title) =>
        [("rows", "1"), ("m0", months), ("t0", title), ("f0", "")];

    [Fact]
    public async Task APublishedCorrectionIsTheSourceOfTheScheduleAndIsAudited()
    {
        await using var host = ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = CopyOfSeed() });
        await host.LoginAsync();
        var source = host.Services.GetRequiredService<YearScheduleSource>();
        var page = await host.Client.GetStringAsync("/console/plan");
        Assert.Contains(source.Current.Plan.Activities[0].Title, page);

        var response = await host.SubmitAsync("/console/plan", "/console/plan/publish", OneActivity("3", "教职工趣味运动会（改期）"));

        Assert.Contains("已发布第 1 版", await response.Content.ReadAsStringAsync());
        var activity = Assert.Single(source.Current.Plan.Activities);
        Assert.Equal("教职工趣味运动会（改期）", activity.Title);
        Assert.False(activity.SignUp); // its 老师报名 box was not ticked: a task of the union, not an event
        Assert.Contains(source.Current.Announcements, a => a.Kind == AnnouncementKind.Monthly && a.Text.Contains("教职工趣味运动会（改期）"));
        Assert.Contains((ConsoleHost.Admin, "publish-plan"), await host.QueryAsync<(string, string)>("SELECT user_id, action FROM audit_log"));
        Assert.Contains("日程来自<strong>第 1 版</strong>修改（王主席，", await host.Client.GetStringAsync("/console/plan"));
    }

    [Fact]
    public async Task APlanFileChangedAfterPublishingWaitsAsADraftUntilTheChairTakesIt()
    {
        var path = CopyOfSeed();
        await using var host = ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = path });
        await host.LoginAsync();
        var source = host.Services.GetRequiredService<YearScheduleSource>();
        await host.SubmitAsync("/console/plan", "/console/plan/publish", OneActivity("3", "三月的活动（已改）"));

        var first = source.File!.Value.Plan.Activities[0].Title;
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace(first, "举办教职工拔河比赛"));
        source.Reload();

        Assert.True(source.DraftWaiting);
        Assert.Contains(host.Logs.At(LogLevel.Warning), l => l.Contains("changed after corrections were published") && l.Contains("/console/plan"));
        Assert.Contains("计划草稿待审", await host.Client.GetStringAsync("/console/"));
        Assert.Equal("三月的活动（已改）", Assert.Single(source.Current.Plan.Activities).Title);
        var health = JsonDocument.Parse(await host.Client.GetStringAsync("/healthz"));
        Assert.Contains("/console/plan", health.RootElement.GetProperty("checks").GetProperty("plan").GetProperty("data").GetProperty("draft").GetString());
        var page = await host.Client.GetStringAsync("/console/plan");
        Assert.Contains("草稿待审", page);
        Assert.Contains("＋ 举办教职工拔河比赛", page);

        await host.SubmitAsync("/console/plan", "/console/plan/publish", ("from", "file"));

        Assert.False(source.DraftWaiting);
        Assert.Equal("举办教职工拔河比赛", source.Current.Plan.Activities[0].Title);
        Assert.Equal(source.File!.Value.Plan.Activities.Count, source.Current.Plan.Activities.Count);
    }

    [Fact]
    public async Task AMonthThatIsNotUnderstoodPublishesNothing()
    {
        await using var host = ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = CopyOfSeed() });
        await host.LoginAsync();

        var response = await host.SubmitAsync("/console/plan", "/console/plan/publish", OneActivity("十三", "活动"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await host.QueryAsync<long>("SELECT id FROM plan_versions"));
    }

    [Fact]
    public async Task TheWarningsShownAreThoseOfTheScheduleInUseNotOfAFileNoLongerRead()
    {
        var path = _dir.File("plan.txt");
        File.Copy(RepoPaths.Seed("001"), path); // a real plan with no month-by-month schedule: the reader warns
        await using var host = ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = path });
        await host.LoginAsync();
        const string box = "读计划时跳过或没看懂的地方";
        Assert.Contains(box, await host.Client.GetStringAsync("/console/plan"));

        await host.SubmitAsync("/console/plan", "/console/plan/publish", OneActivity("3", "教职工趣味运动会"));

        var page = await host.Client.GetStringAsync("/console/plan");
        Assert.Contains("日程来自<strong>第 1 版</strong>", page);
        Assert.DoesNotContain(box, page);
    }

    [Theory]
    [InlineData("3", new[] { 3 }, new[] { 0 })]
    [InlineData("7,8", new[] { 7, 8 }, new[] { 0, 0 })]
    [InlineData("12、1", new[] { 12, 1 }, new[] { 0, 1 })]
    public void MonthsAreReadAsTheChairTypesThem(string text, int[] months, int[] offsets)
    {
        var parsed = PlanPage.ParseMonths(text)!;
        Assert.Equal(months, parsed.Select(m => m.Month));
        Assert.Equal(offsets, parsed.Select(m => m.YearOffset));
    }

    public void Dispose() => _dir.Dispose();
}
