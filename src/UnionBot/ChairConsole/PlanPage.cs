using Microsoft.Extensions.Options;
using Quartz;
using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;
using UnionBot.Delivery;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary>
/// <c>/console/plan</c>: the activities the schedule is built from beside the plan's own text; the chair corrects
/// them and publishes a new version (<see cref="PlanVersions"/>), which is the schedule's source from then on. A plan
/// file that changes later is shown as a draft with its differences, and replaces nothing until published.
/// </summary>
public sealed class PlanPage(YearScheduleSource source, PlanVersions versions, ISchedulerFactory schedulers, IOptions<UnionBotOptions> options)
{
    private const int EmptyRows = 3;

    public IResult Show(HttpContext http)
    {
        var session = ConsoleSession.Of(http);
        var schedule = source.Current;
        var file = source.File;
        var published = source.Published;
        var origin = published is null
            ? H($"<p>日程来自计划文件 <code>{options.Value.Plan.Path}</code>（还没有发布过修改）。</p>")
            : H($"<p>日程来自<strong>第 {published.Id} 版</strong>修改（{published.PublishedBy}，{session.Time(published.PublishedAt)} 发布），不再直接读计划文件。</p>");
        var body = H($"""
            <section>{origin}<p class="muted">{schedule.Year} 年共 {schedule.Plan.Activities.Count} 项活动、{schedule.Announcements.Count} 条通知。</p></section>
            {Draft(session, file, published)}
            {Warnings(file?.Plan ?? schedule.Plan)}
            <div class="two">
            <div>{Editor(session, schedule.Plan)}</div>
            <div><h2>计划原文</h2>{OriginalText()}</div>
            </div>
            """);
        return ConsoleLayout.Page(session, "计划", body);
    }

    public async Task<IResult> PublishAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        var current = source.Current.Plan;
        AnnualPlan plan;
        if (form["from"] == "file")
        {
            if (source.File is not { } file) return ConsoleLayout.Message(session, "计划", "计划文件读不出来，没有可以采用的内容。", StatusCodes.Status409Conflict);
            plan = file.Plan;
        }
        else
        {
            var activities = new List<PlanActivity>();
            var errors = new List<string>();
            var rows = int.TryParse(form["rows"], out var n) ? Math.Clamp(n, 0, 500) : 0;
            for (var i = 0; i < rows; i++)
            {
                var title = form[$"t{i}"].ToString().Trim();
                if (title.Length == 0 || form[$"d{i}"] == "on") continue;
                if (ParseMonths(form[$"m{i}"].ToString()) is not { Count: > 0 } months) { errors.Add($"「{title}」的月份没看懂（例如 3 或 7,8）"); continue; }
                var festival = form[$"f{i}"].ToString();
                activities.Add(new PlanActivity(months, title, Festival.ById(festival) is null ? null : festival, SignUp: form[$"s{i}"] == "on"));
            }
            if (errors.Count > 0) return ConsoleLayout.Message(session, "计划", string.Join("；", errors) + "。没有发布，请返回修改。", StatusCodes.Status400BadRequest);
            plan = current with { Activities = activities };
        }
        var version = await versions.PublishAsync(plan, source.File?.Sha256 ?? "", session.Context(), ct);
        source.Reload();
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(PlanSyncJob.Key, ct); // the outbox follows the new version, as it follows a changed file
        return ConsoleLayout.Page(session, "计划", H($"""
            <section><p>已发布第 {version} 版：{plan.Activities.Count} 项活动。日程和待发通知已按新版本更新。</p><p><a href="/console/plan">返回计划</a></p></section>
            """));
    }

    private Html Editor(ConsoleSession session, AnnualPlan plan)
    {
        var rows = plan.Activities.Select((a, i) => Row(i, string.Join(",", a.Months.Select(m => m.Month)), a.Title, a.Festival, a.SignUp))
            .Concat(Enumerable.Range(plan.Activities.Count, EmptyRows).Select(i => Row(i, "", "", null, true)));
        return ConsoleLayout.Form(session, "/console/plan/publish", H($"""
            <h2>活动（可改、可删、可加）</h2>
            <input type="hidden" name="rows" value="{plan.Activities.Count + EmptyRows}">
            <table class="cards plan"><thead><tr><th>月份</th><th>活动</th><th>节日</th><th>老师报名</th><th>删除</th></tr></thead><tbody>{rows}</tbody></table>
            <p class="muted">月份写数字，跨月写 7,8；空行填上活动名就是新增；“老师报名”不勾的是工会自己的工作（不开放 /报名）。发布后日程从新版本生成。</p>
            """), "发布修改", css: "block");
    }

    /// <param name="signUp">An event teachers take part in (offered for /报名), not the union's own task.</param>
    private static Html Row(int i, string months, string title, string? festival, bool signUp) => H($"""
        <tr><td data-l="月份"><input type="text" name="m{i}" value="{months}" size="5" aria-label="月份"></td>
        <td data-l="活动" class="title"><input type="text" name="t{i}" value="{title}" style="width:100%" aria-label="活动"></td>
        <td data-l="节日"><select name="f{i}" aria-label="节日"><option value="">—</option>{Festival.All.Select(f =>
            H($"<option value=\"{f.Id}\"{(f.Id == festival ? new Html(" selected") : Empty)}>{f.Name}</option>"))}</select></td>
        <td data-l="老师报名"><input type="checkbox" name="s{i}"{(signUp ? new Html(" checked") : Empty)} aria-label="老师报名"></td>
        <td data-l="删除">{(title.Length == 0 ? Empty : H($"<input type=\"checkbox\" name=\"d{i}\" aria-label=\"删除\">"))}</td></tr>
        """);

    private Html Draft(ConsoleSession session, (string Sha256, AnnualPlan Plan)? file, PlanVersion? published)
    {
        if (published is null || file is not { } f || f.Sha256 == published.BasedOn) return Empty;
        var before = published.Plan.Activities.Select(a => a.Title).ToHashSet();
        var after = f.Plan.Activities.Select(a => a.Title).ToHashSet();
        return H($"""
            <section><p><span class="tag wait">草稿待审</span> 计划文件在发布修改后又变了。现在仍按第 {published.Id} 版发通知；文件里的新内容如下：</p>
            {after.Except(before).Select(t => H($"<p>＋ {t}</p>"))}{before.Except(after).Select(t => H($"<p class=\"muted\">－ {t}</p>"))}
            {ConsoleLayout.Form(session, "/console/plan/publish", H($"<input type=\"hidden\" name=\"from\" value=\"file\">"), "采用文件里的新计划（会替换已发布的修改）", css: "block")}</section>
            """);
    }

    private static Html Warnings(AnnualPlan plan) => plan.Warnings.Count == 0 ? Empty : H($"""
        <section><p><strong>读计划时跳过或没看懂的地方</strong></p>{plan.Warnings.Select(w => H($"<p class=\"muted\">{w}</p>"))}</section>
        """);

    private Html OriginalText()
    {
        try
        {
            var path = options.Value.Plan.Path;
            return H($"<pre class=\"plan\">{PlanReader.Text(PlanReader.ReadBytes(path), path)}</pre>");
        }
        catch (PlanReadException e)
        {
            return H($"<p class=\"muted\">计划文件读不出来：{e.Message}</p>");
        }
    }

    /// <summary>"3", "7,8", "7、8", "12,1": a month after December in the list belongs to the next year.</summary>
    internal static IReadOnlyList<PlanMonth>? ParseMonths(string text)
    {
        var months = new List<PlanMonth>();
        var offset = 0;
        foreach (var part in text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.Trim().TrimEnd('月'), out var m) || m is < 1 or > 12) return null;
            if (months.Count > 0 && m < months[^1].Month) offset = 1;
            months.Add(new PlanMonth(m, offset));
        }
        return months;
    }
}
