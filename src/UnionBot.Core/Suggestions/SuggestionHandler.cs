using UnionBot.Core.Storage;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.Suggestions;

/// <summary>
/// /建议. An anonymous suggestion is stored without the user id and nothing here logs who made it; the receipt is
/// the only handle, so anyone holding it can follow it up with /建议 查询.
/// </summary>
public sealed class SuggestionHandler(
    SuggestionStore store, IAnnouncementOutbox outbox, IOptions<UnionBotOptions> options, ILogger<SuggestionHandler> logger)
{
    private const int ListLimit = 20;

    public async Task<CommandReply> SuggestAsync(Command.Suggest command, CommandContext ctx, CancellationToken ct)
    {
        var receipt = await store.AddAsync(command.Anonymous ? null : ctx.UserId, ctx.ChannelId, command.Text, ctx.Now, ctx.Claim, ct);
        return CommandReply.Of(
            $"📮 收到你的建议，谢谢！回执编号 **{receipt}**。\n" +
            (command.Anonymous ? "这是匿名建议，没有记录你的身份，请记好编号。\n" : "") +
            $"发 /建议 查询 {receipt} 查看处理进度。");
    }

    /// <summary>
    /// Status and reply for anyone holding the receipt (the reply was posted to the group anyway). The suggestion's
    /// own text only for its named author and admins: receipts are sequential, and guessing one must not reveal it.
    /// </summary>
    public async Task<CommandReply> QueryAsync(Command.SuggestionQuery command, CommandContext ctx, CancellationToken ct)
    {
        var receipt = Receipts.InYear(command.Receipt, ctx.Now.Year);
        if (await store.FindAsync(receipt, ct) is not { } s)
            return CommandReply.Of($"没有找到建议 {receipt}，请核对编号。");
        var sb = new StringBuilder($"**建议 {s.Receipt}**（{Date(ctx.DayOf(StoredTime.Parse(s.CreatedAt)))}）  \n");
        sb.Append(ctx.IsAdmin || (s.AuthorId is not null && s.AuthorId == ctx.UserId)
            ? Block(s.Text)
            : "（为保护隐私，建议内容只对署名提建议的老师和工会管理员显示）");
        sb.Append(s.Reply is null ? "\n\n状态：已收到，等待工会回复。" : $"\n\n状态：已回复  \n**工会回复：**{Block(s.Reply)}");
        return CommandReply.Of(sb.ToString());
    }

    public async Task<CommandReply> ListAsync(CommandContext ctx, CancellationToken ct)
    {
        if (!ctx.IsAdmin) return CommandReply.Of("建议列表只有工会管理员可以查看哦。你可以用 /建议 查询 编号 查看自己的建议。");
        var rows = await store.LatestAsync(ListLimit, ctx, ct);
        if (rows.Count == 0) return CommandReply.Of("还没有收到建议。");
        var sb = new StringBuilder($"**最近 {rows.Count} 条建议**\n");
        foreach (var s in rows)
        {
            var text = s.Text.ReplaceLineEndings(" ");
            var preview = text.Length > 40 ? text[..40] + "…" : text;
            sb.Append($"\n- {s.Receipt} {(s.Reply is null ? "【待回复】" : "【已回复】")}{(s.Anonymous ? "（匿名）" : "")} {Inline(preview)}");
        }
        sb.Append("\n\n回复：/建议 回复 编号 内容");
        return CommandReply.Of(sb.ToString());
    }

    /// <summary>Stores the reply and posts it to the group the suggestion came from, naming only the receipt.</summary>
    public async Task<CommandReply> ReplyAsync(Command.SuggestionReply command, CommandContext ctx, CancellationToken ct)
    {
        if (!ctx.IsAdmin) return CommandReply.Of("只有工会管理员可以回复建议哦。");
        var receipt = Receipts.InYear(command.Receipt, ctx.Now.Year);
        if (await store.FindAsync(receipt, ct) is not { } s)
            return CommandReply.Of($"没有找到建议 {receipt}，请核对编号。");
        await store.ReplyAsync(s.Receipt, command.Text, ctx, ct);
        var text = $"**💬 工会回复建议 {s.Receipt}**  \n{Block(command.Text)}\n\n提建议的老师可发 /建议 查询 {s.Receipt} 查看。";
        try
        {
            // Keyed by the admin's message: a redelivered reply posts once, a corrected reply posts again.
            await outbox.EnqueueImmediateAsync($"suggestion-reply:{s.Receipt}:{ctx.Message.MessageId}",
                new OutgoingMessage($"建议 {s.Receipt} 的回复", text), GroupOf.Target(s.ChannelId, options.Value), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The reply to suggestion {Receipt} is stored but could not be queued for the group", s.Receipt);
            return CommandReply.Of($"回复已保存（/建议 查询 {s.Receipt} 可见），但没能发到群里，请稍后再发一次同样的回复。");
        }
        return CommandReply.Of($"已回复建议 {s.Receipt}，并会在群里公布（只写编号，不写提建议的人）。");
    }
}
