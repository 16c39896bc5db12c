using Microsoft.Extensions.Options;
using UnionBot.Core.Members;
using UnionBot.Core.Options;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/members</c>: the roster that turns user ids into names in lists and exports.</summary>
public sealed class MembersPage(MemberDirectory members, IOptions<UnionBotOptions> options)
{
    public IResult Show(HttpContext http)
    {
        var session = ConsoleSession.Of(http);
        var all = members.All;
        var source = string.IsNullOrWhiteSpace(options.Value.Members) ? "没有配置名单文件（UnionBot:Members）" : $"名单文件：{options.Value.Members}";
        var body = H($"""
            <p class="muted">{source} · 共 {all.Count} 人。名单里的名字用在报名名单和导出里。</p>
            {(all.Count == 0 ? H($"<p class=\"muted\">名单是空的：列表里会显示平台昵称或用户ID。</p>") : H($"""
                <table class="cards"><thead><tr><th>用户ID</th><th>姓名</th><th>分会</th></tr></thead><tbody>
                {all.Select(m => H($"<tr><td data-l=\"用户ID\">{m.UserId}</td><td data-l=\"姓名\">{m.Name}</td><td data-l=\"分会\">{m.Branch}</td></tr>"))}
                </tbody></table>
                """))}
            """);
        return ConsoleLayout.Page(session, "成员", body);
    }
}
