using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using UnionBot.Core.Announcements;
using UnionBot.Core.Storage;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.ChairConsole;

/// <summary>What the chair sees of the bot's state (a failing group, a post sent at once) and what she must never see.</summary>
public sealed class ConsoleStateTests
{
    [Fact]
    public async Task AGroupWhoseRobotWasRemovedIsShownFailingWithWhatToDoInChinese()
    {
        await using var wecom = await FakeWeComServer.StartAsync(); // no robot: every webhook key answers 93000
        await using var host = ConsoleHost.Start(new Dictionary<string, string?>
        {
            ["UnionBot:Channels:0:WebhookKey"] = "removed-robot", ["UnionBot:WeCom:ApiBaseUrl"] = wecom.BaseUrl,
        });
        await host.SayAsync(ConsoleHost.Admin, "/公告 明天下午停水");
        await Eventually.TrueAsync(async () => (await host.QueryAsync<long>(
            "SELECT COUNT(*) FROM outbox WHERE channel_id = 'wecom-all' AND state = 'failed'"))[0] > 0, "the post to the removed robot failed");
        await host.LoginAsync();

        var overview = await host.Client.GetStringAsync("/console/");
        var failed = await host.Client.GetStringAsync("/console/announcements?channel=wecom-all&state=failed");

        var group = Regex.Match(overview, "<p><strong>全体教职工群</strong>.*?</p>", RegexOptions.Singleline).Value;
        Assert.Contains("发送失败", group);
        Assert.Contains("企业微信群机器人的 Webhook 地址无效，或机器人已被移出群", group);
        Assert.Contains("错误码 93000", group);
        Assert.Contains("有群的通知发不出去", overview);
        Assert.Contains("最近一次发送失败", overview);
        Assert.DoesNotContain("paste the robot", Regex.Replace(overview, "详情：[^<]*", "")); // English only as the IT teacher's detail
        Assert.Contains("企业微信群机器人的 Webhook 地址无效", failed);
        Assert.DoesNotContain("paste the robot", failed);
    }

    [Fact]
    public async Task SendNowPostsAPendingAnnouncementAtOnceAndIsAudited()
    {
        await using var host = ConsoleHost.Start();
        await host.Services.GetRequiredService<OutboxStore>().InsertAsync([new OutboxRow
        {
            Key = "monthly:2099-01:local", SourceKey = "monthly:2099-01", ChannelId = "local", Kind = "monthly", Title = "一月活动",
            Text = "一月的活动：教职工迎新春长跑", DueAt = StoredTime.Format(host.Time.GetUtcNow().AddDays(30)),
        }]);
        var id = (await host.QueryAsync<long>("SELECT id FROM outbox WHERE key = 'monthly:2099-01:local'"))[0];
        await host.LoginAsync();

        await host.SubmitAsync("/console/announcements?channel=local", $"/console/announcements/{id}/send-now");

        await Eventually.TrueAsync(async () => (await host.QueryAsync<string>("SELECT state FROM outbox WHERE id = @id", new { id }))[0] == OutboxState.Sent,
            "the row was sent");
        var feed = await host.Client.GetFromJsonAsync<JsonElement>("/local/feed?after=0");
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("text").GetString()!.Contains("教职工迎新春长跑"));
        Assert.Contains((ConsoleHost.Admin, "outbox-sendnow"), await host.QueryAsync<(string, string)>("SELECT user_id, action FROM audit_log"));
        Assert.Contains("立即发送通知", await host.Client.GetStringAsync("/console/audit"));
    }

    [Fact]
    public async Task OnTheLocalPageAnAdminGetsALinkBecauseItIsAPrivateChat()
    {
        await using var host = ConsoleHost.Start();

        var response = await host.Client.PostAsJsonAsync("/local/messages", new { userId = ConsoleHost.Admin, text = "/后台" });
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetProperty("text").GetString()!;

        var link = Regex.Match(reply, @"http://127\.0\.0\.1:5186(/console/login\?token=[A-Za-z0-9_-]{43})").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await host.LoginWithAsync(link)).StatusCode);
        Assert.Contains("接下来要发的通知", await host.Client.GetStringAsync("/console/"));
    }

    private const string Hidden = "anon-author-7";

    [Fact]
    public async Task AnAnonymousSuggestionShowsItsAuthorOnNoPageInNoExportAndNowhereInTheDatabase()
    {
        await using var host = ConsoleHost.Start();
        var answer = await host.SayAsync(Hidden, "/建议 匿名 食堂晚上开门晚一点");
        var receipt = Regex.Match(answer, @"JY-\d{4}-\d{4}").Value;
        Assert.True(receipt.Length > 0, answer);
        await host.SayAsync(ConsoleHost.Admin, "/发起报名 教职工羽毛球赛");
        await host.SayAsync("teacher-li", "/报名 教职工羽毛球赛");
        await host.SayAsync("teacher-li", "/投票 周五活动去哪？ 选项：爬山、看电影");
        await host.SayAsync("teacher-zhang", "/投 1 1");
        await host.LoginAsync();
        await host.SubmitAsync("/console/suggestions", $"/console/suggestions/{receipt}/reply", ("reply", "已和食堂商量"));

        var seen = new StringBuilder();
        foreach (var page in new[]
        {
            "/console/", "/console/plan", "/console/signups", "/console/signups/1", "/console/suggestions", "/console/suggestions?status=replied", "/console/polls",
            "/console/members", "/console/audit", "/console/signups/1.csv",
        })
            seen.AppendLine(await host.Client.GetStringAsync(page));
        foreach (var state in new[] { "pending", "sent", "failed", "skipped" })
        foreach (var channel in new[] { "local", "wecom-all", "ding-union" })
            seen.AppendLine(await host.Client.GetStringAsync($"/console/announcements?channel={channel}&state={state}"));
        foreach (var export in new[] { "/console/signups/1.xlsx", "/console/polls/1.xlsx" })
            foreach (IDictionary<string, object?> row in await new MemoryStream(await host.Client.GetByteArrayAsync(export)).QueryAsync())
                seen.AppendLine(string.Join(",", row.Values));

        var everything = seen.ToString();
        Assert.Contains("食堂晚上开门晚一点", everything);
        Assert.Contains("已和食堂商量", everything);
        Assert.DoesNotContain(Hidden, everything);
        Assert.Empty(await CellsHoldingAsync(host, Hidden));
        Assert.DoesNotContain(Hidden, host.Logs.All);
    }

    /// <summary>Every table.column whose value contains <paramref name="text"/>.</summary>
    private static async Task<List<string>> CellsHoldingAsync(ConsoleHost host, string text)
    {
        var found = new List<string>();
        foreach (var table in await host.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        foreach (var column in await host.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')"))
            if ((await host.QueryAsync<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE @P", new { P = $"%{text}%" }))[0] > 0)
                found.Add($"{table}.{column}");
        return found;
    }
}
