using UnionBot.Core.Storage;
using System.Text;
using UnionBot.Core.Commands;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.Polls;

/// <summary>/投票 /投 /结果 /结束投票.</summary>
public sealed class PollHandler(PollStore store)
{
    public const int BarWidth = 10;

    public async Task<CommandReply> CreateAsync(Command.CreatePoll command, CommandContext ctx, CancellationToken ct)
    {
        var id = await store.CreateAsync(command, ctx, ct);
        var sb = new StringBuilder($"🗳️ **投票 #{id}**：{Inline(command.Question)}\n");
        for (var i = 0; i < command.Options.Count; i++) sb.Append($"\n{i + 1}. {Inline(command.Options[i])}");
        var kind = (command.Multi ? "多选" : "单选") + (command.Anonymous ? " · 匿名（只记录谁投过，不记录投了什么）" : "");
        sb.Append($"\n\n{kind}\n发 /投 {id} 选项号 投票，例如：/投 {id} 1" + (command.Multi ? $"，多选：/投 {id} 1 2" : ""));
        return CommandReply.Of(sb.ToString());
    }

    public async Task<CommandReply> VoteAsync(Command.Vote command, CommandContext ctx, CancellationToken ct)
    {
        if (await store.FindAsync(command.Poll, ctx.ChannelId, ct) is not { } poll)
            return CommandReply.Of($"没有找到投票 #{command.Poll}，请核对编号。");
        if (poll.IsClosed) return CommandReply.Of($"投票 #{poll.Id} 已经结束了，不能再投。发 /结果 {poll.Id} 查看结果。");
        var (options, _) = await store.CountAsync(poll.Id, ct);
        var bad = command.Choices.Where(n => n < 1 || n > options.Count).ToList();
        if (bad.Count > 0) return CommandReply.Of($"投票 #{poll.Id} 只有 1 到 {options.Count} 号选项，没有 {bad[0]} 号。");
        if (!poll.IsMulti && command.Choices.Count > 1)
            return CommandReply.Of($"投票 #{poll.Id} 是单选，请只选一个，例如：/投 {poll.Id} {command.Choices[0]}");

        var outcome = await store.VoteAsync(poll.Id, command.Choices, ctx, ct);
        var chosen = string.Join("、", command.Choices.Select(n => $"{n}. {Inline(options[n - 1].Text)}"));
        return CommandReply.Of(outcome switch
        {
            VoteOutcome.Voted => $"✅ 已投票 #{poll.Id}：{chosen}",
            VoteOutcome.Replaced => $"✅ 已改票 #{poll.Id}：{chosen}（之前的选择已作废）",
            VoteOutcome.AlreadyVotedAnonymously => $"你已经投过 #{poll.Id} 了。这是匿名投票，没有记录你选了什么，所以不能改票。",
            VoteOutcome.Closed => $"投票 #{poll.Id} 已经结束了，不能再投。",
            _ => $"没有找到投票 #{command.Poll}，请核对编号。",
        });
    }

    public async Task<CommandReply> ResultAsync(Command.PollResult command, CommandContext ctx, CancellationToken ct)
    {
        if (await store.FindAsync(command.Poll, ctx.ChannelId, ct) is not { } poll)
            return CommandReply.Of(command.Poll is { } n ? $"没有找到投票 #{n}，请核对编号。" : "这个群还没有发起过投票。");
        return CommandReply.Of(await RenderAsync(poll, ct));
    }

    public async Task<CommandReply> CloseAsync(Command.ClosePoll command, CommandContext ctx, CancellationToken ct)
    {
        if (await store.FindAsync(command.Poll, ctx.ChannelId, ct) is not { } poll)
            return CommandReply.Of($"没有找到投票 #{command.Poll}，请核对编号。");
        if (poll.CreatorId != ctx.UserId && !ctx.IsAdmin)
            return CommandReply.Of($"只有发起人或工会管理员可以结束投票 #{poll.Id} 哦。");
        if (!await store.CloseAsync(poll, ctx, ct)) return CommandReply.Of($"投票 #{poll.Id} 已经结束了。");
        // Closed by this very command: only its state changed, so the row need not be read again.
        return CommandReply.Of($"投票 #{poll.Id} 已结束。\n\n" + await RenderAsync(poll with { ClosedAt = StoredTime.Format(ctx.Now) }, ct));
    }

    private async Task<string> RenderAsync(PollRow poll, CancellationToken ct)
    {
        var (options, voters) = await store.CountAsync(poll.Id, ct);
        var sb = new StringBuilder($"📊 **投票 #{poll.Id} 结果**：{Inline(poll.Question)}  \n");
        sb.Append($"共 {voters} 人投票 · {(poll.IsClosed ? "已结束" : "进行中")}{(poll.IsMulti ? " · 多选" : "")}{(poll.IsAnonymous ? " · 匿名" : "")}\n");
        foreach (var o in options)
            sb.Append($"\n{o.Number}. {Inline(o.Text)}  \n{Bar(o.Votes, voters)}");
        return sb.ToString();
    }

    /// <summary>
    /// <c>████ 4 票 40%</c>: the share of voters who chose the option (multi-choice shares can sum past 100%), one
    /// block per tenth, then the numbers.
    /// </summary>
    /// <remarks>
    /// Phones show WeCom and DingTalk markdown in proportional fonts, where a filled and an empty block (▇░) differ in
    /// width and come from different fallback fonts: equal cell counts ended at different places. Every bar here starts
    /// the line and is one glyph repeated, so its length is its share whatever the font; the empty rest is left out.
    /// </remarks>
    public static string Bar(long votes, long voters)
    {
        var percent = voters == 0 ? 0 : (int)Math.Round(votes * 100.0 / voters, MidpointRounding.AwayFromZero);
        var filled = (int)Math.Round(percent * BarWidth / 100.0, MidpointRounding.AwayFromZero);
        var numbers = $"{votes} 票 {percent}%";
        return filled == 0 ? numbers : new string('█', filled) + " " + numbers;
    }
}
