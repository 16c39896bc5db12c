using Microsoft.Extensions.Options;
using Quartz;
using UnionBot.Core.Calendar;
using UnionBot.Core.Members;
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
public sealed class PlanPage(
    YearScheduleSource source, PlanVersions versions, PlanUploads uploads, MemberDirectory members, ISchedulerFactory schedulers,
    IOptions<UnionBotOptions> options, ILogger<PlanPage> logger)
{
    private const int EmptyRows = 3;
    public const long MaxUploadBytes = 10 * 1024 * 1024;
    private static readonly string[] UploadExtensions = [".txt", ".md", ".docx"];

    public IResult Show(HttpContext http)
    {
        var session = ConsoleSession.Of(http);
        var schedule = source.Current;
        var file = source.File;
        var published = source.Published;
        // The warnings shown are those of the schedule in use: once a version is published the file is not read for it,
        // and its warnings would describe a plan the bot no longer follows.
        var origin = published is null
            ? H($"<p>日程来自计划文件 <code>{options.Value.Plan.Path}</code>（还没有发布过修改）。</p>")
            : H($"<p>日程来自<strong>第 {published.Id} 版</strong>修改（{members.DisplayName(published.PublishedBy)}，{session.Time(published.PublishedAt)} 发布），不再直接读计划文件。</p>");
        var body = H($"""
            <section>{origin}<p class="muted">{schedule.Year} 年共 {schedule.Plan.Activities.Count} 项活动、{schedule.Announcements.Count} 条通知。</p></section>
            {UploadForm(session)}
            {UploadedDraft(session, schedule.Plan)}
            {Draft(session, file, published)}
            {Warnings(published is null ? file?.Plan ?? schedule.Plan : schedule.Plan)}
            <div class="two">
            <div>{Editor(session, schedule.Plan)}</div>
            <div><h2>计划原文</h2>{OriginalText(published)}</div>
            </div>
            {History(session, published)}
            """);
        return ConsoleLayout.Page(session, "计划", body);
    }

    public async Task<IResult> PublishAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        var current = source.Current.Plan;
        AnnualPlan plan;
        PublishSource from;
        if (form["from"] == "file")
        {
            if (source.File is not { } file) return ConsoleLayout.Message(session, "计划", "计划文件读不出来，没有可以采用的内容。", StatusCodes.Status409Conflict);
            (plan, from) = (file.Plan, PublishSource.File());
        }
        else if (form["from"] == "upload")
        {
            if (!long.TryParse(form["upload"], out var id) || uploads.Find(id) is not { IsDraft: true } upload)
                return ConsoleLayout.Message(session, "计划", "这份上传的计划已经发布或放弃了，没有再发布。", StatusCodes.Status409Conflict);
            try
            {
                plan = PlanReader.Read(upload.Content, upload.FileName);
            }
            catch (PlanReadException e)
            {
                return ConsoleLayout.Message(session, "计划", $"这份计划读不出来（{e.Message}），没有发布。", StatusCodes.Status400BadRequest);
            }
            if (plan.Activities.Count == 0)
                return ConsoleLayout.Message(session, "计划", "这份计划里没有读到活动，发布会清空日程，所以没有发布。", StatusCodes.Status400BadRequest);
            from = PublishSource.Upload(upload.Id, upload.FileName);
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
            // The chair's list replaces what the reader made of the text, so the reader's warnings (shown above the
            // editor the chair just used) do not travel with it: "the plan has no activities" would be false now.
            plan = current with { Activities = activities, Warnings = [] };
            from = PublishSource.Edit(source.Published?.UploadId);
        }
        var version = await versions.PublishAsync(plan, source.File?.Sha256 ?? "", session.Context(), ct, from);
        if (version == 0) return ConsoleLayout.Message(session, "计划", "这份上传的计划已经发布或放弃了，没有再发布。", StatusCodes.Status409Conflict);
        source.Reload();
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(PlanSyncJob.Key, ct); // the outbox follows the new version, as it follows a changed file
        return ConsoleLayout.Page(session, "计划", H($"""
            <section><p>已发布第 {version} 版：{plan.Activities.Count} 项活动。日程和待发通知已按新版本更新。</p><p><a href="/console/plan">返回计划</a></p></section>
            """));
    }

    /// <summary><c>POST /console/plan/upload</c>: a .txt, .md or .docx plan becomes the draft; the schedule is untouched until it is published.</summary>
    public async Task<IResult> UploadAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return Refused(session, "没有选文件，或文件是空的。");
        var name = Path.GetFileName(file.FileName);
        if (!UploadExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
            return Refused(session, $"「{name}」不是 .txt、.md 或 .docx 文件。Word 或 WPS 里的计划请另存为 .docx 再上传。");
        if (file.Length > MaxUploadBytes) return Refused(session, $"文件太大（{file.Length / 1024 / 1024} MB）。");
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        AnnualPlan plan;
        try
        {
            plan = PlanReader.Read(bytes, name);
        }
        catch (PlanReadException e)
        {
            logger.LogWarning("Plan upload {File} by {UserId} refused: {Reason}", name, session.UserId, e.Message);
            return Refused(session, $"读不出这份计划。请确认它是在 Word 或 WPS 里“另存为”的 .docx，或者 .txt、.md 文件。详情：{e.Message}");
        }
        await uploads.AddAsync(bytes, name, plan.Activities.Count, session.Context(), ct);
        logger.LogInformation("Plan {File} uploaded by {UserId}: {Count} activities, waiting as a draft", name, session.UserId, plan.Activities.Count);
        return Results.Redirect("/console/plan", permanent: false, preserveMethod: false);
    }

    /// <summary><c>POST /console/plan/discard</c>: drops the uploaded draft.</summary>
    public async Task<IResult> DiscardAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        var done = long.TryParse(form["upload"], out var id) && await uploads.DiscardAsync(id, session.Context(), ct);
        return ConsoleLayout.Page(session, "计划", H($"""
            <section><p>{(done ? "已放弃这份上传的计划，日程没有变。" : "这份上传的计划已经发布或放弃了。")}</p><p><a href="/console/plan">返回计划</a></p></section>
            """));
    }

    private static IResult Refused(ConsoleSession session, string why) => ConsoleLayout.Page(session, "计划", H($"""
        <p class="note">{why}</p><p>日程没有改动。<a href="/console/plan">返回计划</a></p>
        """), StatusCodes.Status400BadRequest);

    private Html UploadedDraft(ConsoleSession session, AnnualPlan current)
    {
        if (uploads.CurrentDraft() is not { } draft) return Empty;
        AnnualPlan plan;
        try
        {
            plan = PlanReader.Read(draft.Content, draft.FileName);
        }
        catch (PlanReadException e)
        {
            plan = AnnualPlan.Empty with { Warnings = [e.Message] };
        }
        var id = H($"<input type=\"hidden\" name=\"upload\" value=\"{draft.Id}\">");
        var publish = plan.Activities.Count == 0
            ? H($"<p class=\"note\">这份计划里没有读到活动，不能发布。请检查文件里有没有按月份写的工作安排。</p>")
            : ConsoleLayout.Form(session, "/console/plan/publish", H($"<input type=\"hidden\" name=\"from\" value=\"upload\">{id}"), "发布这份计划（替换现在的日程）");
        return H($"""
            <section><p><span class="tag wait">草稿</span> 上传的计划「{draft.FileName}」（{members.DisplayName(draft.UploadedBy)}，{session.Time(draft.UploadedAt)}）：读到 {plan.Activities.Count} 项活动。发布前日程不变。</p>
            {Differences(current, plan)}
            {Warnings(plan)}
            <details><summary>这份计划读到的活动</summary>{ActivityList(plan)}</details>
            <details><summary>这份计划的原文</summary>{SourceText(draft.Content, draft.FileName)}</details>
            <p>{publish} {ConsoleLayout.Form(session, "/console/plan/discard", id, "放弃", css: "plain")}</p></section>
            """);
    }

    private static Html Differences(AnnualPlan before, AnnualPlan after)
    {
        var was = before.Activities.Select(a => a.Title).ToHashSet();
        var now = after.Activities.Select(a => a.Title).ToHashSet();
        var added = now.Except(was).ToList();
        var dropped = was.Except(now).ToList();
        if (added.Count + dropped.Count == 0) return H($"<p class=\"muted\">和现在的日程相比，活动名称没有变化。</p>");
        return H($"""
            <details open><summary>比现在的日程多了 {added.Count} 项</summary>{added.Select(t => H($"<p>＋ {t}</p>"))}</details>
            <details><summary>比现在的日程少了 {dropped.Count} 项</summary>{dropped.Select(t => H($"<p class=\"muted\">－ {t}</p>"))}</details>
            """);
    }

    private static Html ActivityList(AnnualPlan plan) => H($"""
        <table class="cards"><thead><tr><th>月份</th><th>活动</th><th>老师报名</th></tr></thead><tbody>
        {plan.Activities.Select(a => H($"<tr><td data-l=\"月份\">{string.Join("、", a.Months.Select(m => m.Month + "月"))}</td><td data-l=\"活动\">{a.Title}</td><td data-l=\"老师报名\">{(a.SignUp ? "是" : "否")}</td></tr>"))}
        </tbody></table>
        """);

    private static Html UploadForm(ConsoleSession session) => H($"""
        <section><h2>上传新计划</h2>
        {ConsoleLayout.Form(session.FormToken, "/console/plan/upload", H($"""
            <p><input type="file" name="file" accept=".txt,.md,.docx" aria-label="计划文件"></p>
            """), "上传", css: "block", enctype: "multipart/form-data")}
        <p class="muted">.docx（Word、WPS 另存为 .docx）、.txt 或 .md。上传后先是草稿：看过读到的活动，再点“发布”才替换日程。</p></section>
        """);

    private Html History(ConsoleSession session, PlanVersion? published)
    {
        var rows = versions.History();
        if (rows.Count == 0) return H($"<section><h2>版本记录</h2><p class=\"muted\">还没有发布过。日程直接来自计划文件。</p></section>");
        return H($"""
            <section><h2>版本记录</h2>
            <table class="cards"><thead><tr><th>版本</th><th>发布时间</th><th>发布人</th><th>活动</th><th>说明</th></tr></thead><tbody>
            {rows.Select(v => H($"""
                <tr><td data-l="版本">第 {v.Id} 版{When(v.Id == published?.Id, H($" <span class=\"tag ok\">使用中</span>"))}</td>
                <td data-l="发布时间">{session.Time(v.PublishedAt)}</td><td data-l="发布人">{members.DisplayName(v.PublishedBy)}</td>
                <td data-l="活动">{v.Activities} 项</td><td data-l="说明">{(v.Note.Length == 0 ? "—" : v.Note)}</td></tr>
                """))}
            </tbody></table></section>
            """);
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
        {(title.Length == 0 ? H($"<td></td>") : H($"<td data-l=\"删除\"><input type=\"checkbox\" name=\"d{i}\" aria-label=\"删除\"></td>"))}</tr>
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
        <section><p><strong>读计划时跳过或没看懂的地方</strong></p>{plan.Warnings.Select(w => H($"<p class=\"muted\">{ConsoleText.PlanWarning(w)}</p>"))}</section>
        """);

    /// <summary>The text the schedule was read from: the upload a published version came from, else the plan file.</summary>
    private Html OriginalText(PlanVersion? published)
    {
        if (published?.UploadId is { } id && uploads.Find(id) is { } upload)
            return H($"<p class=\"muted\">来自上传的「{upload.FileName}」</p>{SourceText(upload.Content, upload.FileName)}");
        try
        {
            var path = options.Value.Plan.Path;
            return SourceText(PlanReader.ReadBytes(path), path);
        }
        catch (PlanReadException e)
        {
            return H($"<p class=\"muted\">计划文件读不出来：{e.Message}</p>");
        }
    }

    /// <summary>
    /// The plan's own lines, each with what the reader made of it (<see cref="PlanReader.Explain"/>): a month heading, the
    /// activities read, joined to the line before, or skipped and why. Skips by a rule that may be wrong for this plan are
    /// marked 请核对, so the chair sees at a glance where an activity may have been lost.
    /// </summary>
    private static Html SourceText(byte[] bytes, string name)
    {
        PlanExplanation explained;
        try
        {
            explained = PlanReader.Explain(bytes, name);
        }
        catch (PlanReadException e)
        {
            return H($"<p class=\"muted\">读不出文字：{e.Message}</p>");
        }
        var doubtful = explained.Lines.Count(l => l.IsDoubtful);
        return H($"""
            <p class="muted">每行右边是读计划时的结果：月份、活动、接上行、跳过（灰色是计划正文，不在月度安排里）。{When(doubtful > 0, H($"<strong>{doubtful} 行请核对</strong>：可能是漏读的活动，需要时在左边补上。"))}</p>
            <ol class="explain">{explained.Lines.Where(l => l.Role != PlanLineRole.Blank).Select(Line)}</ol>
            """);
    }

    private static Html Line(ExplainedLine line)
    {
        var (css, what) = line.Role switch
        {
            PlanLineRole.Heading => ("heading", H($"<span class=\"tag ok\">月份 {string.Join("、", line.Months.Select(m => m + "月"))}</span>{Activities(line)}")),
            PlanLineRole.Activity => ("activity", H($"<span class=\"tag ok\">活动</span>{Activities(line)}")),
            PlanLineRole.Joined => ("joined", H($"<span class=\"tag\">接上行</span>")),
            PlanLineRole.Skipped => (line.IsDoubtful ? "skipped doubt" : "skipped", H($"""
                <span class="tag {(line.IsDoubtful ? "wait" : "")}">{(line.IsDoubtful ? "跳过·请核对" : "跳过")}</span><span class="why">{SkipReasons.Chinese(line.Reason)}</span>
                """)),
            _ => ("outside", line.Reason == SkipReason.EndsSchedule
                ? H($"<span class=\"tag\">月度安排到此结束</span>")
                : Empty),
        };
        return H($"""<li class="{css}"><span class="n">{line.Number}</span><span class="t">{line.Text}</span> {what}</li>""");
    }

    /// <summary>The activities read from a line, when they differ from the line as written (a split line, a trimmed number).</summary>
    private static Html Activities(ExplainedLine line) =>
        line.Activities.Count == 0 ? Empty : H($"""<span class="why">→ {string.Join("；", line.Activities.Select(a => a.Title + (a.SignUp ? "" : "（工会工作）")))}</span>""");

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
