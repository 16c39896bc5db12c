using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/announcements</c>: the outbox by channel and state, with send now, retry and skip.</summary>
public sealed class AnnouncementsPage(OutboxStore store, AnnouncementOutbox outbox, IOptions<UnionBotOptions> options)
{
    private static readonly string[] States = [OutboxState.Pending, OutboxState.Sent, OutboxState.Failed, OutboxState.Skipped];

    public async Task<IResult> ShowAsync(HttpContext http, string? channel, string? state, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var rows = await store.ListAsync(ct);
        var channels = rows.Select(r => r.ChannelId).Distinct().Order(StringComparer.Ordinal).ToList();
        channel = channel is not null && channels.Contains(channel) ? channel : channels.FirstOrDefault();
        state = state is not null && States.Contains(state) ? state : OutboxState.Pending;
        var shown = rows.Where(r => r.ChannelId == channel && (r.State == state || (state == OutboxState.Pending && r.State == OutboxState.Sending)))
            .OrderBy(r => r.DueAt, StringComparer.Ordinal).ToList();
        if (state != OutboxState.Pending) shown.Reverse(); // what happened most recently first

        var body = H($"""
            <p>{channels.Select(c => Link(c, state, ChannelName(c), c == channel))}</p>
            <p>{States.Select(s => Link(channel, s, $"{ConsoleText.State(s)} {rows.Count(r => r.ChannelId == channel && r.State == s)}", s == state))}</p>
            {(shown.Count == 0 ? H($"<p class=\"muted\">没有{ConsoleText.State(state)}的通知。</p>") : H($"""
                <table class="cards"><thead><tr><th>时间</th><th>通知</th><th>状态</th><th></th></tr></thead><tbody>
                {shown.Select(r => Row(session, r))}
                </tbody></table>
                """))}
            """);
        return ConsoleLayout.Page(session, "通知", body);
    }

    public async Task<IResult> ChangeAsync(HttpContext http, long id, OutboxChange change, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var row = await store.FindAsync(id, ct);
        if (row is null || !await outbox.ChangeAsync(id, change, session.Context(), ct))
            return ConsoleLayout.Message(session, "通知", "这条通知的状态已经变了（可能正在发送），没有改动。请返回刷新。", StatusCodes.Status409Conflict);
        return Results.Redirect($"/console/announcements?channel={Uri.EscapeDataString(row.ChannelId)}&state={row.State}");
    }

    private static Html Row(ConsoleSession session, OutboxRow r)
    {
        var part = r.Parts > 1 ? $"（第 {r.Part}/{r.Parts} 段）" : "";
        var actions = r.State switch
        {
            OutboxState.Pending => H($"{Action(session, r, "send-now", "立即发送")} {Action(session, r, "skip", "跳过", "plain")}"),
            OutboxState.Failed => H($"{Action(session, r, "retry", "重发")} {Action(session, r, "skip", "跳过", "plain")}"),
            OutboxState.Skipped => Action(session, r, "retry", "恢复发送", "plain"),
            _ => Empty,
        };
        var when = r.State == OutboxState.Sent && r.SentAt is not null ? $"{session.Time(r.SentAt)} 发出" : session.Time(r.Due);
        return H($"""
            <tr><td data-l="时间">{when}</td>
            <td data-l="通知"><details><summary>{r.Title}{part} <span class="muted">{ConsoleText.Kind(r.Kind)}</span></summary><pre>{r.Text}</pre></details>
            {(r.LastError is null ? Empty : H($"<div class=\"muted\">原因：{ConsoleText.Error(r)}</div>"))}</td>
            <td data-l="状态"><span class="tag {ConsoleText.StateCss(r.State)}">{ConsoleText.State(r.State)}</span>{(r.Attempts > 1 ? $" 试了 {r.Attempts} 次" : "")}</td>
            <td>{actions}</td></tr>
            """);
    }

    private static Html Action(ConsoleSession session, OutboxRow r, string action, string label, string css = "") =>
        ConsoleLayout.Form(session, $"/console/announcements/{r.Id}/{action}", Empty, label, css);

    private static Html Link(string? channel, string state, string label, bool on) =>
        H($"<a class=\"button{(on ? "" : " plain")}\" href=\"/console/announcements?channel={channel}&amp;state={state}\">{label}</a> ");

    private string ChannelName(string id) =>
        id == DeliveryChannels.LocalId ? "本地频道" : options.Value.Channels.FirstOrDefault(c => c.Id == id) is { Name.Length: > 0 } c ? c.Name : id;
}
