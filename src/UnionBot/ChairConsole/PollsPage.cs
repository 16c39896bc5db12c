using UnionBot.Core.Commands;
using UnionBot.Core.Polls;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary><c>/console/polls</c>: results, close (through <see cref="PollHandler.CloseAsync"/>, as /结束投票), export.</summary>
public sealed class PollsPage(PollStore store, PollHandler handler)
{
    private const int Limit = 100;
    private static readonly string[] Headers = ["选项号", "选项", "票数", "占投票人数"];

    public async Task<IResult> ShowAsync(HttpContext http, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        var polls = await store.LatestAsync(Limit, ct);
        var cards = new List<Html>();
        foreach (var p in polls)
        {
            var (options, voters) = await store.CountAsync(p.Id, ct);
            var close = p.IsClosed ? Empty : ConsoleLayout.Form(session, $"/console/polls/{p.Id}/close", Empty, "结束投票");
            cards.Add(H($"""
                <section><p><strong>#{p.Id} {p.Question}</strong> <span class="tag {(p.IsClosed ? "" : "ok")}">{(p.IsClosed ? "已结束" : "进行中")}</span>
                <span class="muted">{(p.IsMulti ? "多选" : "单选")}{(p.IsAnonymous ? " · 匿名" : "")} · 共 {voters} 人投票</span></p>
                {options.Select(o => H($"<p>{o.Number}. {o.Text}<br><code>{PollHandler.Bar(o.Votes, voters)}</code></p>"))}
                <p><a class="button plain" href="/console/polls/{p.Id}.xlsx">导出 Excel</a> {close}</p></section>
                """));
        }
        var body = cards.Count == 0 ? H($"<p class=\"muted\">还没有投票。在群里发 /投票 问题 选项：A、B 发起。</p>") : Join(cards);
        return ConsoleLayout.Page(session, "投票", body);
    }

    public async Task<IResult> CloseAsync(HttpContext http, long id, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        await handler.CloseAsync(new Command.ClosePoll((int)Math.Min(id, int.MaxValue)), session.Context(), ct);
        return Results.Redirect("/console/polls");
    }

    public async Task<IResult> ExportAsync(HttpContext http, long id, CancellationToken ct)
    {
        var session = ConsoleSession.Of(http);
        if (await store.FindAsync(id, ConsoleSession.ChannelId, ct) is not { } poll)
            return ConsoleLayout.Message(session, "投票", "没有这个投票。", StatusCodes.Status404NotFound);
        var (options, voters) = await store.CountAsync(poll.Id, ct);
        var rows = options.Select(o => (IReadOnlyList<string>)
        [
            o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Text, o.Votes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            voters == 0 ? "0%" : $"{Math.Round(o.Votes * 100.0 / voters, MidpointRounding.AwayFromZero)}%",
        ]);
        return Sheets.Xlsx($"投票-{poll.Id}.xlsx", Headers, rows);
    }
}
