using System.Net;
using System.Text;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;

namespace UnionBot.Tests.ChairConsole;

public sealed class ConsolePagesTests
{
    private static async Task<ConsoleHost> WithBadmintonAsync()
    {
        var host = ConsoleHost.Start();
        await host.SayAsync(ConsoleHost.Admin, "/发起报名 羽毛球友谊赛 名额2");
        foreach (var teacher in new[] { "teacher-li", "teacher-zhang", "teacher-chen" })
            await host.SayAsync(teacher, "/报名 羽毛球友谊赛");
        await host.LoginAsync();
        return host;
    }

    [Fact]
    public async Task ASignUpShowsItsEntriesInOrderAndItsWaitingList()
    {
        await using var host = await WithBadmintonAsync();

        var list = await host.Client.GetStringAsync("/console/signups");
        var page = await host.Client.GetStringAsync("/console/signups/1");

        Assert.Contains("羽毛球友谊赛", list);
        Assert.Contains("2/2 候补 1", list);
        Assert.True(page.IndexOf("李老师", StringComparison.Ordinal) < page.IndexOf("张老师", StringComparison.Ordinal));
        Assert.Contains("候补（1 人）", page);
        Assert.Contains("候补1", page);
        Assert.Contains("英语组", page);
    }

    [Fact]
    public async Task TheCsvExportIsUtf8WithABomAndTheSixColumns()
    {
        await using var host = await WithBadmintonAsync();

        var bytes = await host.Client.GetByteArrayAsync("/console/signups/1.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,姓名,用户ID,分会,报名时间,状态", lines[0]);
        Assert.StartsWith("1,李老师,teacher-li,语文组,", lines[1]);
        Assert.EndsWith(",已报名", lines[1]);
        Assert.StartsWith("3,陈老师,teacher-chen,英语组,", lines[3]);
        Assert.EndsWith(",候补1", lines[3]);
        var joined = TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains(joined.ToString("yyyy-MM-dd HH:mm"), lines[1]);
    }

    [Fact]
    public async Task TheXlsxExportReadsBackWithTheSameRows()
    {
        await using var host = await WithBadmintonAsync();

        var response = await host.Client.GetAsync("/console/signups/1.xlsx");
        var rows = (await new MemoryStream(await response.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true))
            .Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["序号", "姓名", "用户ID", "分会", "报名时间", "状态"], rows[0].Keys);
        Assert.Equal(["李老师", "张老师", "陈老师"], rows.Select(r => r["姓名"]?.ToString()));
        Assert.Equal(["已报名", "已报名", "候补1"], rows.Select(r => r["状态"]?.ToString()));
    }

    [Fact]
    public async Task ClosingASignUpIsTheSameCloseAsTheCommandAndIsAudited()
    {
        await using var host = await WithBadmintonAsync();

        var response = await host.SubmitAsync("/console/signups/1", "/console/signups/1/close");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([0L], await host.QueryAsync<long>("SELECT is_open FROM signups WHERE id = 1"));
        Assert.Contains((ConsoleHost.Admin, "close-signup", "羽毛球友谊赛"),
            await host.QueryAsync<(string, string, string)>("SELECT user_id, action, detail FROM audit_log"));
        Assert.Contains("报名已经结束", await host.SayAsync("teacher-wang", "/报名 羽毛球友谊赛"));
    }

    [Fact]
    public async Task APostWithoutTheTokenChangesNothing()
    {
        await using var host = await WithBadmintonAsync();

        var response = await host.Client.PostAsync("/console/signups/1/close", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([1L], await host.QueryAsync<long>("SELECT is_open FROM signups WHERE id = 1"));
        Assert.DoesNotContain("close-signup", await host.QueryAsync<string>("SELECT action FROM audit_log"));
    }

    [Fact]
    public async Task AnAnonymousSuggestionShowsNoAuthorAndAReplyIsPostedByReceiptAsTheCommandDoes()
    {
        await using var host = ConsoleHost.Start();
        var receipt = System.Text.RegularExpressions.Regex.Match(await host.SayAsync("teacher-li", "/建议 匿名 食堂晚上开门晚一点"), @"JY-\d{4}-\d{4}").Value;
        await host.SayAsync("teacher-zhang", "/建议 多组织羽毛球");
        await host.LoginAsync();

        var page = await host.Client.GetStringAsync("/console/suggestions");
        Assert.Contains("食堂晚上开门晚一点", page);
        Assert.DoesNotContain("李老师", page);
        Assert.DoesNotContain("teacher-li", page);
        Assert.Contains("张老师", page);

        var reply = await host.SubmitAsync("/console/suggestions", $"/console/suggestions/{receipt}/reply", ("reply", "已和食堂商量，下周起延后半小时"));

        Assert.Contains($"已回复建议 {receipt}", await reply.Content.ReadAsStringAsync());
        Assert.Equal(["已和食堂商量，下周起延后半小时"], await host.QueryAsync<string>("SELECT reply FROM suggestions WHERE receipt = @R", new { R = receipt }));
        var posted = await host.QueryAsync<string>("SELECT text FROM outbox WHERE key LIKE 'suggestion-reply:%'");
        Assert.Contains(posted, t => t.Contains(receipt) && !t.Contains("李老师"));
        Assert.Contains((ConsoleHost.Admin, "reply-suggestion"), await host.QueryAsync<(string, string)>("SELECT user_id, action FROM audit_log"));
    }

    [Fact]
    public async Task APollShowsItsResultsClosesAndExports()
    {
        await using var host = ConsoleHost.Start();
        await host.SayAsync("teacher-li", "/投票 周五活动去哪？ 选项：爬山、看电影");
        await host.SayAsync("teacher-li", "/投 1 1");
        await host.SayAsync("teacher-zhang", "/投 1 1");
        await host.SayAsync("teacher-chen", "/投 1 2");
        await host.LoginAsync();

        Assert.Contains("共 3 人投票", await host.Client.GetStringAsync("/console/polls"));
        await host.SubmitAsync("/console/polls", "/console/polls/1/close");
        Assert.Contains("已结束", await host.Client.GetStringAsync("/console/polls"));
        Assert.Contains("已经结束", await host.SayAsync("teacher-wang", "/投 1 2"));

        var rows = (await new MemoryStream(await host.Client.GetByteArrayAsync("/console/polls/1.xlsx")).QueryAsync(useHeaderRow: true))
            .Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["爬山", "看电影"], rows.Select(r => r["选项"]?.ToString()));
        Assert.Equal(["2", "1"], rows.Select(r => r["票数"]?.ToString()));
    }

    [Fact]
    public async Task AnAnnouncementCanBeSkippedAndBroughtBackAndEachChangeIsAudited()
    {
        await using var host = ConsoleHost.Start();
        var store = host.Services.GetRequiredService<UnionBot.Core.Announcements.OutboxStore>();
        await store.InsertAsync([new UnionBot.Core.Announcements.OutboxRow
        {
            Key = "monthly:2099-01:local", SourceKey = "monthly:2099-01", ChannelId = "local", Kind = "monthly", Title = "一月活动",
            Text = "一月的活动", DueAt = UnionBot.Core.Storage.StoredTime.Format(host.Time.GetUtcNow().AddDays(30)),
        }]);
        var id = (await host.QueryAsync<long>("SELECT id FROM outbox WHERE key = 'monthly:2099-01:local'"))[0];
        await host.LoginAsync();
        Assert.Contains("一月活动", await host.Client.GetStringAsync("/console/announcements?channel=local&state=pending"));

        await host.SubmitAsync("/console/announcements", $"/console/announcements/{id}/skip");
        Assert.Equal(["skipped"], await host.QueryAsync<string>("SELECT state FROM outbox WHERE id = @id", new { id }));
        Assert.Contains("管理员在后台跳过", await host.Client.GetStringAsync("/console/announcements?channel=local&state=skipped"));

        await host.SubmitAsync("/console/announcements", $"/console/announcements/{id}/retry");
        Assert.Equal(["outbox-skip", "outbox-retry"],
            await host.QueryAsync<string>("SELECT action FROM audit_log WHERE action LIKE 'outbox-%' ORDER BY id"));
        var again = await host.SubmitAsync("/console/announcements", $"/console/announcements/{id}/retry");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task TheAuditPageAndTheRosterShowWhoIsWho()
    {
        await using var host = await WithBadmintonAsync();

        var audit = await host.Client.GetStringAsync("/console/audit");
        var roster = await host.Client.GetStringAsync("/console/members");

        Assert.Contains("发起报名", audit);
        Assert.Contains("登录后台", audit);
        Assert.Contains("王主席", audit);
        Assert.Contains("用登录链接进入后台", audit);
        Assert.Contains("羽毛球友谊赛，名额 2，截止 不限", audit);
        Assert.Contains("teacher-zhang", roster);
        Assert.Contains("数学组", roster);
    }

    [Fact]
    public async Task TeachersTextIsShownAsTextNeverAsMarkup()
    {
        await using var host = ConsoleHost.Start();
        await host.SayAsync("teacher-li", "/建议 <script>alert(1)</script><b>粗</b>");
        await host.LoginAsync();

        var page = await host.Client.GetStringAsync("/console/suggestions");

        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;", page);
    }
}
