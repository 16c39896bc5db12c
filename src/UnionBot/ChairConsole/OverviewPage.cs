using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Core.Schedule;
using UnionBot.Core.SignUps;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/</c>: what the bot will post next, which sign-ups are open, and whether every channel works.</summary>
public sealed class OverviewPage(
    OutboxStore outbox, SignUpStore signUps, DeliveryChannels channels, DeliveryStatus delivery, LongConnectionStatus links,
    HealthCheckService health, YearScheduleSource source, IOptions<UnionBotOptions> options)
{
    public async Task<IResult> ShowAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var rows = await outbox.ListAsync(ct);
        var next = rows.Where(r => r.State == OutboxState.Pending).OrderBy(r => r.DueAt, StringComparer.Ordinal)
            .DistinctBy(r => r.SourceKey).Take(5).ToList();
        var lastFailure = rows.Where(r => r.State == OutboxState.Failed && r.LastError is not null).MaxBy(r => r.DueAt);
        var open = (await signUps.CurrentAsync(session.Context().Now.Year, ct)).Where(s => s.IsOpen).ToList();
        var report = await health.CheckHealthAsync(ct);

        var body = H($"""
            <h2>接下来要发的通知</h2>
            <section>{(next.Count == 0 ? H($"<p class=\"muted\">没有待发的通知。</p>") : Join(next.Select(r => H($"""
                <p><strong>{session.Time(r.Due)}</strong> {r.Title} <span class="muted">{ConsoleText.Kind(r.Kind)}</span></p>
                """))))}
            <p><a href="/console/announcements">全部通知 →</a></p></section>
            <h2>正在报名</h2>
            <section>{(open.Count == 0 ? H($"<p class=\"muted\">现在没有进行中的报名。</p>") : Join(open.Select(s => H($"""
                <p><a href="/console/signups/{s.Id}">{s.Activity}</a> · {s.Signed}{(s.Quota is { } q ? $"/{q}" : "")} 人{(s.DeadlineAt is { } d ? " · " + session.LastDay(d) : "")}</p>
                """))))}</section>
            <h2>各群状态</h2>
            <section>{Join(ChannelLines(session, rows))}</section>
            <h2>最近的问题</h2>
            <section>{Problems(session, report, lastFailure)}</section>
            """);
        return ConsoleLayout.Page(session, "概览", body);
    }

    /// <param name="rows">The outbox: a failing channel is described by its newest failed row, whose error code has the chair's words.</param>
    private IEnumerable<Html> ChannelLines(ConsoleSession session, IReadOnlyList<OutboxRow> rows)
    {
        var configured = options.Value.Channels;
        foreach (var c in configured)
        {
            var sends = channels.Find(c.Id) is not null;
            var state = delivery.Failing.TryGetValue(c.Id, out var reason) ? H($"<span class=\"tag bad\">发送失败</span> {Failure(c.Id, reason, rows)}")
                : delivery.Paused.TryGetValue(c.Id, out var until) ? H($"<span class=\"tag wait\">被平台限流，{session.Time(until)} 恢复</span>")
                : sends ? H($"<span class=\"tag ok\">正常</span>")
                : H($"<span class=\"tag wait\">未配置发送</span> <span class=\"muted\">没有填群机器人的 Webhook，通知发不到这个群</span>");
            var link = links.Of(c.Id) is { } l ? H($" · 长连接：{ConsoleText.Link(l.State)}{(l.Detail is null ? "" : "（" + l.Detail + "）")}") : Empty;
            yield return H($"<p><strong>{(c.Name.Length > 0 ? c.Name : c.Id)}</strong> <span class=\"muted\">{c.Platform} · {c.Id}</span><br>{state}{link}</p>");
        }
        yield return H($"<p><strong>本地频道</strong> <span class=\"muted\">local</span><br><span class=\"tag ok\">正常</span> <span class=\"muted\">只在服务器本机的聊天页显示</span></p>");
    }

    private static string Failure(string channelId, string reason, IReadOnlyList<OutboxRow> rows) =>
        rows.Where(r => r.ChannelId == channelId && r.State == OutboxState.Failed && r.LastError == reason).MaxBy(r => r.Id) is { } row
            ? ConsoleText.Error(row)
            : reason;

    /// <summary>
    /// What is wrong, in the chair's words: each /healthz check that is not healthy, a plan draft waiting for review, and
    /// the newest failed post. The checks' own English (written for the IT teacher and the log) follows as 详情.
    /// </summary>
    private Html Problems(ConsoleSession session, HealthReport report, OutboxRow? lastFailure)
    {
        var bad = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        var draft = source.DraftWaiting;
        if (bad.Count == 0 && lastFailure is null && !draft) return H($"<p><span class=\"tag ok\">一切正常</span></p>");
        return H($"""
            {bad.Select(e => H($"<p><span class=\"tag {(e.Value.Status == HealthStatus.Unhealthy ? "bad" : "wait")}\">{ConsoleText.Check(e.Key)}</span> {ConsoleText.Problem(e.Key, source)}<br><span class=\"muted\">详情：{e.Value.Description}</span></p>"))}
            {When(draft, H($"<p><span class=\"tag wait\">计划草稿待审</span> 计划文件在发布修改后又改过了，新内容还没有用上：去 <a href=\"/console/plan\">计划</a> 页看过后决定是否采用。</p>"))}
            {(lastFailure is null ? Empty : H($"<p>最近一次发送失败：<strong>{lastFailure.Title}</strong>（{session.Time(lastFailure.Due)}，{lastFailure.ChannelId}）<br>原因：{ConsoleText.Error(lastFailure)}</p>"))}
            """);
    }
}
