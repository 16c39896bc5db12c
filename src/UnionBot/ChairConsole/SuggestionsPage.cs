using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Suggestions;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary>
/// <c>/console/suggestions</c>: waiting and answered suggestions; a reply goes through <see cref="SuggestionHandler.ReplyAsync"/>,
/// exactly as <c>/建议 回复</c> does (stored, audited, posted to the group naming only the receipt). An anonymous
/// suggestion has no author stored, so none can be shown.
/// </summary>
public sealed class SuggestionsPage(SuggestionStore store, SuggestionHandler handler, MemberDirectory members)
{
    private const int Limit = 300;

    public async Task<IResult> ShowAsync(HttpContext http, string? status, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var all = await store.AllAsync(Limit, ct);
        var answered = status == "replied";
        var shown = all.Where(s => (s.Reply is not null) == answered).ToList();
        var body = H($"""
            <p><a class="button{(answered ? " plain" : "")}" href="/console/suggestions">待回复 {all.Count(s => s.Reply is null)}</a>
            <a class="button{(answered ? "" : " plain")}" href="/console/suggestions?status=replied">已回复 {all.Count(s => s.Reply is not null)}</a></p>
            {(shown.Count == 0 ? H($"<p class=\"muted\">没有{(answered ? "已回复" : "待回复")}的建议。</p>") : Join(shown.Select(s => Card(session, s))))}
            """);
        return ConsoleLayout.Page(session, "建议", body);
    }

    public async Task<IResult> ReplyAsync(HttpContext http, string receipt, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var form = await http.Request.ReadFormAsync(ct);
        var text = form["reply"].ToString().Trim();
        if (text.Length == 0 || text.Length > CommandParser.MaxLength)
            return ConsoleLayout.Message(session, "建议", $"回复不能为空，也不能超过 {CommandParser.MaxLength} 字。没有发出。", StatusCodes.Status400BadRequest);
        var reply = await handler.ReplyAsync(new Command.SuggestionReply(receipt, text), session.Context(), ct);
        return ConsoleLayout.Page(session, "建议", H($"""
            <section><p>{reply.Markdown}</p><p><a href="/console/suggestions">返回建议列表</a></p></section>
            """));
    }

    private Html Card(ConsoleSession session, SuggestionRow s)
    {
        var author = s.AuthorId is { } id ? members.DisplayName(id) : "匿名";
        var reply = s.Reply is { } r
            ? H($"<p><strong>工会回复</strong>（{session.Time(s.RepliedAt)}）：</p><pre>{r}</pre>")
            : ConsoleLayout.Form(session, $"/console/suggestions/{s.Receipt}/reply",
                H($"<label>回复（会发到群里，只写编号）<textarea name=\"reply\" maxlength=\"{CommandParser.MaxLength}\" required></textarea></label>"),
                "回复并发到群里", css: "block");
        return H($"""
            <section><p><strong>{s.Receipt}</strong> <span class="muted">{session.Time(s.CreatedAt)} · {author}</span></p>
            <pre>{s.Text}</pre>{reply}</section>
            """);
    }
}
