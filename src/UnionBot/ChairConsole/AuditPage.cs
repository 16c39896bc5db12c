using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Storage;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/audit</c>: who did what, when — commands and console changes alike.</summary>
public sealed class AuditPage(Database database, MemberDirectory members)
{
    private const int Limit = 300;

    public async Task<IResult> ShowAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        await using var c = await database.OpenAsync(ct);
        var entries = await AuditLog.LatestAsync(c, Limit);
        var body = entries.Count == 0 ? H($"<p class=\"muted\">还没有记录。</p>") : H($"""
            <p class="muted">最近 {entries.Count} 条</p>
            <table class="cards"><thead><tr><th>时间</th><th>谁</th><th>做了什么</th><th>详情</th></tr></thead><tbody>
            {entries.Select(e => H($"""
                <tr><td data-l="时间">{session.Time(e.At)}</td><td data-l="谁">{members.DisplayName(e.UserId)} <span class="muted">{e.UserId}</span></td>
                <td data-l="做了什么">{ConsoleText.Action(e.Action)}</td><td data-l="详情">{e.Detail}</td></tr>
                """))}
            </tbody></table>
            """);
        return ConsoleLayout.Page(session, "审计", body);
    }
}
