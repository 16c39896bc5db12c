using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Core.SignUps;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/</c>: what the bot will post next, which sign-ups are open, and whether every channel works.</summary>
public sealed class OverviewPage(
    OutboxStore outbox, SignUpStore signUps, DeliveryChannels channels, DeliveryStatus delivery, LongConnectionStatus links,
    HealthCheckService health, IOptions<UnionBotOptions> options)
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
            <section>{Join(ChannelLines(session))}</section>
            <h2>最近的问题</h2>
            <section>{Problems(session, report, lastFailure)}</section>
            """);
        return ConsoleLayout.Page(session, "概览", body);
    }

    private IEnumerable<Html> ChannelLines(ConsoleSession session)
    {
        var configured = options.Value.Channels;
        foreach (var c in configured)
        {
            var sends = channels.Find(c.Id) is not null;
            var state = delivery.Failing.TryGetValue(c.Id, out var reason) ? H($"<span class=\"tag bad\">发送失败</span> {reason}")
                : delivery.Paused.TryGetValue(c.Id, out var until) ? H($"<span class=\"tag wait\">被平台限流，{session.Time(until)} 恢复</span>")
                : sends ? H($"<span class=\"tag ok\">正常</span>")
                : H($"<span class=\"tag wait\">未配置发送</span> <span class=\"muted\">没有填群机器人的 Webhook，通知发不到这个群</span>");
            var link = links.Of(c.Id) is { } l ? H($" · 长连接：{ConsoleText.Link(l.State)}{(l.Detail is null ? "" : "（" + l.Detail + "）")}") : Empty;
            yield return H($"<p><strong>{(c.Name.Length > 0 ? c.Name : c.Id)}</strong> <span class=\"muted\">{c.Platform} · {c.Id}</span><br>{state}{link}</p>");
        }
        yield return H($"<p><strong>本地频道</strong> <span class=\"muted\">local</span><br><span class=\"tag ok\">正常</span> <span class=\"muted\">只在服务器本机的聊天页显示</span></p>");
    }

    private static Html Problems(ConsoleSession session, HealthReport report, OutboxRow? lastFailure)
    {
        var bad = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        if (bad.Count == 0 && lastFailure is null) return H($"<p><span class=\"tag ok\">一切正常</span></p>");
        return H($"""
            {bad.Select(e => H($"<p><span class=\"tag {(e.Value.Status == HealthStatus.Unhealthy ? "bad" : "wait")}\">{ConsoleText.Check(e.Key)}</span> {e.Value.Description}</p>"))}
            {(lastFailure is null ? Empty : H($"<p>最近一次发送失败：<strong>{lastFailure.Title}</strong>（{session.Time(lastFailure.Due)}，{lastFailure.ChannelId}）<br>原因：{ConsoleText.Error(lastFailure)}</p>"))}
            """);
    }
}
