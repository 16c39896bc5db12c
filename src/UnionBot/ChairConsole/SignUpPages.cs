using UnionBot.Core.Members;
using UnionBot.Core.SignUps;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/signups</c> and one sign-up's list, close and exports; closing is <see cref="SignUpStore.CloseAsync"/>, as /结束报名.</summary>
public sealed class SignUpPages(SignUpStore store, MemberDirectory members)
{
    public async Task<IResult> ListAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var all = await store.CurrentAsync(session.Context().Now.Year, ct);
        var body = all.Count == 0
            ? H($"<p class=\"note\">今年还没有报名。在群里发 /发起报名 活动名，或老师发 /报名 计划里的活动，就会出现在这里。</p>")
            : H($"""
                <table class="cards"><thead><tr><th>活动</th><th>人数</th><th>截止</th><th>状态</th></tr></thead><tbody>
                {all.OrderByDescending(s => s.IsOpen).ThenByDescending(s => s.Id).Select(s => H($"""
                    <tr><td data-l="活动"><a href="/console/signups/{s.Id}">{s.Activity}</a></td>
                    <td data-l="人数">{Count(s)}</td><td data-l="截止">{(s.DeadlineAt is { } d ? session.LastDay(d) : "不限")}</td>
                    <td data-l="状态">{State(s)}</td></tr>
                    """))}
                </tbody></table>
                """);
        return ConsoleLayout.Page(session, "报名", body);
    }

    public async Task<IResult> ShowAsync(HttpContext http, long id, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        if (await store.FindAsync(id, ct) is not { } signUp) return NotFound(session);
        var lines = SignUpSheet.Lines(signUp, await store.EntriesAsync(id, ct), members);
        var close = signUp.IsOpen
            ? ConsoleLayout.Form(session, $"/console/signups/{id}/close", Empty, "结束报名")
            : Empty;
        var body = H($"""
            <section><p><strong>{signUp.Activity}</strong> {State(signUp)}</p>
            <p>人数：{Count(signUp)}{(signUp.Quota is { } q ? $"（名额 {q}）" : "（不限名额）")} · {(signUp.DeadlineAt is { } d ? session.LastDay(d) : "不限截止日期")}</p>
            <div><a class="button plain" href="/console/signups/{id}.xlsx">导出 Excel</a> <a class="button plain" href="/console/signups/{id}.csv">导出 CSV</a> {close}</div></section>
            {Table("已报名", lines.Where(l => !l.Waiting), session)}
            {Table("候补", lines.Where(l => l.Waiting), session)}
            """);
        return ConsoleLayout.Page(session, "报名", body);
    }

    public async Task<IResult> CloseAsync(HttpContext http, long id, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        if (await store.FindAsync(id, ct) is not { } signUp) return NotFound(session);
        await store.CloseAsync(session.Context(), signUp, ct);
        return Results.Redirect($"/console/signups/{id}", permanent: false, preserveMethod: false);
    }

    public async Task<IResult> ExportAsync(HttpContext http, long id, string format, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        if (await store.FindAsync(id, ct) is not { } signUp) return NotFound(session);
        var rows = SignUpSheet.Lines(signUp, await store.EntriesAsync(id, ct), members).Select(l => SignUpSheet.Cells(l, session.Zone)).ToList();
        var name = $"报名-{signUp.Activity}.{format}";
        return format == "xlsx" ? Sheets.Xlsx(name, SignUpSheet.Headers, rows) : Sheets.Csv(name, SignUpSheet.Headers, rows);
    }

    private static Html Table(string title, IEnumerable<SignUpLine> lines, ConsoleSession session)
    {
        var list = lines.ToList();
        if (list.Count == 0) return title == "候补" ? Empty : H($"<h2>{title}</h2><p class=\"muted\">还没有人报名。</p>");
        return H($"""
            <h2>{title}（{list.Count} 人）</h2>
            <table class="cards"><thead><tr>{SignUpSheet.Headers.Select(h => H($"<th>{h}</th>"))}</tr></thead><tbody>
            {list.Select(l => H($"<tr>{SignUpSheet.Cells(l, session.Zone).Select((c, i) => H($"<td data-l=\"{SignUpSheet.Headers[i]}\">{c}</td>"))}</tr>"))}
            </tbody></table>
            """);
    }

    private static string Count(SignUpRow s) => s.Quota is { } q ? $"{s.Signed}/{q}" + (s.Entries > q ? $" 候补 {s.Entries - q}" : "") : $"{s.Signed}";

    private static Html State(SignUpRow s) => s.IsOpen ? H($"<span class=\"tag ok\">报名中</span>") : H($"<span class=\"tag\">已结束</span>");

    private static IResult NotFound(ConsoleSession session) =>
        ConsoleLayout.Message(session, "报名", "没有这个报名。", StatusCodes.Status404NotFound);
}
