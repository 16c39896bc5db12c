using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary>The page shell: navigation, plain CSS that reads on a 390 px phone and on the office PC, no scripts.</summary>
public static class ConsoleLayout
{
    private static readonly (string Path, string Label)[] Nav =
    [
        ("/console/", "概览"), ("/console/plan", "计划"), ("/console/announcements", "通知"), ("/console/signups", "报名"),
        ("/console/suggestions", "建议"), ("/console/polls", "投票"), ("/console/members", "成员"), ("/console/audit", "审计"),
    ];

    public static IResult Page(ConsoleSession? session, string title, Html body, int status = StatusCodes.Status200OK)
    {
        var nav = session is null ? Empty : H($"""
            <nav>{Nav.Select(n => H($"<a href=\"{n.Path}\"{(n.Label == title ? new Html(" class=\"on\"") : Empty)}>{n.Label}</a>"))}
            <a href="/console/logout" class="out">退出</a></nav>
            """);
        var who = session is null ? Empty : H($"<span class=\"who\">{session.DisplayName}</span>");
        var html = H($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{title} · 工会助手后台</title>
            <style>{new Html(Css)}</style></head>
            <body><header><strong>工会助手后台</strong>{who}</header>{nav}
            <main><h1>{title}</h1>{body}</main></body></html>
            """);
        return new HtmlResult(html.Value, status);
    }

    public static IResult Message(ConsoleSession? session, string title, string text, int status) =>
        Page(session, title, H($"<p class=\"note\">{text}</p>"), status);

    /// <summary>Hidden antiforgery field for every form that changes something.</summary>
    public static Html Form(ConsoleSession session, string action, Html fields, string button, string css = "") =>
        Form(session.FormToken, action, fields, button, css);

    public static Html Form(string formToken, string action, Html fields, string button, string css = "", string enctype = "") =>
        H($"""<form method="post" action="{action}" class="{css}"{(enctype.Length == 0 ? Empty : H($" enctype=\"{enctype}\""))}><input type="hidden" name="{ConsoleSession.TokenField}" value="{formToken}">{fields}<button type="submit">{button}</button></form>""");

    private const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.6 "WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;color:#1f2328;background:#f5f6f8}
        header{background:#b3261e;color:#fff;padding:10px 16px;display:flex;justify-content:space-between;align-items:center}
        header .who{font-size:14px;opacity:.9}
        nav{display:flex;flex-wrap:wrap;gap:4px;padding:8px 12px;background:#fff;border-bottom:1px solid #ddd}
        nav a{padding:6px 10px;border-radius:6px;color:#1f2328;text-decoration:none}
        nav a.on{background:#b3261e;color:#fff}
        nav a.out{margin-left:auto;color:#666}
        main{max-width:1100px;margin:0 auto;padding:12px 16px 40px}
        h1{font-size:22px;margin:8px 0 12px}
        h2{font-size:18px;margin:20px 0 8px}
        section,.card{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:12px 14px;margin:10px 0}
        table{width:100%;border-collapse:collapse;background:#fff}
        th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:anywhere}
        th{font-weight:600;color:#555;font-size:14px}
        .scroll{overflow-x:auto}
        .note{color:#555}
        .muted{color:#777;font-size:14px}
        .tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:13px;background:#eef;color:#334}
        .ok{background:#e6f4ea;color:#1e6b34}.bad{background:#fde7e9;color:#a4262c}.wait{background:#fff4ce;color:#7a5a00}
        form{display:inline-block;margin:2px 0}
        form.block{display:block}
        input[type=text],input[type=number],input[type=date],textarea,select{font:inherit;padding:6px 8px;border:1px solid #bbb;border-radius:6px;max-width:100%}
        textarea{width:100%;min-height:70px}
        button,.button{font:inherit;padding:6px 14px;border:0;border-radius:6px;background:#b3261e;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
        button.plain,.button.plain{background:#e9ecef;color:#1f2328}
        .two{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
        pre.plan{max-height:80vh;overflow:auto;font-size:13px;background:#fff;border:1px solid #e1e4e8}
        ol.explain{list-style:none;margin:0;padding:0;font-size:14px;max-height:80vh;overflow:auto;background:#fff;border:1px solid #e1e4e8;border-radius:6px}
        ol.explain li{padding:3px 8px;border-bottom:1px solid #f1f1f1;overflow-wrap:anywhere}
        ol.explain li.outside{color:#999}
        ol.explain li.doubt{background:#fff8e1}
        ol.explain .n{display:inline-block;min-width:2.4em;color:#aaa;font-size:12px}
        ol.explain .why{display:block;margin-left:2.4em;color:#666;font-size:13px}
        pre{white-space:pre-wrap;background:#f6f8fa;padding:8px;border-radius:6px;font-size:14px}
        @media (max-width:600px){
          body{font-size:15px}
          main{padding:8px 10px 30px}
          .two{display:block}
          /* on a phone the plan text flows with the page: a box scrolling inside a scrolling page traps the thumb */
          ol.explain,pre.plan{max-height:none}
          table.cards{background:none}
          table.cards thead{display:none}
          table.cards tr{display:block;border:1px solid #e1e4e8;border-radius:8px;margin:8px 0;padding:6px 8px;background:#fff}
          table.cards td{display:block;border:0;padding:2px 0}
          table.plan td{display:inline-block;margin-right:6px}
          table.plan td.title{display:block}
          table.cards td[data-l]::before{content:attr(data-l) "：";color:#777;font-size:14px}
        }
        """;

    /// <summary>An HTML page with the headers every console page carries: no caching, no referrer (a login link holds a token).</summary>
    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            ConsoleSession.NoStore(http.Response);
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(html);
        }
    }
}
