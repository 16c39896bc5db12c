using System.Text;
using UnionBot.Core.Commands;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.SignUps;

public sealed partial class SignUpHandler
{
    private const string AdminsOnly = "只有工会管理员可以{0}哦，有需要请联系工会主席。";

    /// <summary>/发起报名: a name that matches a plan activity opens it under the plan's title; any other name opens as typed.</summary>
    public async Task<CommandReply> OpenAsync(Command.OpenSignUp command, CommandContext ctx, CancellationToken ct)
    {
        if (!ctx.IsAdmin) return CommandReply.Of(string.Format(AdminsOnly, "发起报名"));
        var found = await ResolveAsync(ctx, command, command.Activity, Scope.Open, ct);
        if (found is { IsChoice: true, Reply: { } choose }) return choose;
        var title = found.Title ?? command.Activity;
        var asked = found.Template as Command.OpenSignUp ?? command;

        DateTimeOffset? deadline = null;
        if (asked.Deadline is { } md)
        {
            if (ResolveDeadline(md, ctx.Today) is not { } day) return CommandReply.Of(Hints.Deadline);
            // A sign-up that is closed before it opens would only tell every teacher "已截止"; the chair meant another date.
            if (day < ctx.Today)
                return CommandReply.Of($"截止日期 {md.Month}月{md.Day}日 已经过了（今天是 {ctx.Today.Month}月{ctx.Today.Day}日），没有发起报名。请写一个还没到的日期，例如：截止{ctx.Today.AddDays(7).Month}月{ctx.Today.AddDays(7).Day}日。");
            deadline = ctx.EndOf(day);
        }
        var wasOpen = found.SignUp?.IsOpen;
        var id = await store.OpenAsync(ctx, title, asked.Quota, deadline, ct);
        var entries = await store.EntriesAsync(id, ct);

        // The group reads this: a sign-up already running only had its terms changed (they are replaced whole, so the
        // reply states all of them), and one the chair had closed starts again with its list kept.
        var name = $"「{Inline(title)}」";
        var sb = new StringBuilder(wasOpen switch
        {
            true => $"📣 {name}的报名已在进行中，现改为",
            false => $"📣 {name}重新开始报名啦！",
            null => $"📣 {name}开始报名啦！",
        });
        sb.Append(asked.Quota is { } q ? $"名额 {q} 人" : "不限名额");
        if (deadline is { } d) sb.Append($"，{LastDay(ctx, d)} 截止");
        sb.Append($"。\n发 /报名 {Inline(title)} 即可报名。");
        if (entries.Count > 0)
        {
            var kept = $"{(wasOpen == true ? "已有" : "之前已有")} {entries.Count} 人报名，名单保留";
            if (asked.Quota is { } quota && entries.Count > quota) kept += $"，超出名额的 {entries.Count - quota} 人按报名先后转为候补";
            sb.Append($"\n（{kept}。）");
        }
        return CommandReply.Of(sb.ToString());
    }

    public async Task<CommandReply> CloseAsync(Command.CloseSignUp command, CommandContext ctx, CancellationToken ct)
    {
        if (!ctx.IsAdmin) return CommandReply.Of(string.Format(AdminsOnly, "结束报名"));
        var found = await ResolveAsync(ctx, command, command.Activity, Scope.Close, ct);
        if (found.Reply is { } reply) return reply;
        if (found.SignUp is not { IsOpen: true } signUp) return CommandReply.Of($"「{Inline(found.Title!)}」没有进行中的报名。");
        if (!await store.CloseAsync(ctx, signUp, ct)) return CommandReply.Of($"「{Inline(signUp.Activity)}」的报名已经结束了。");
        return CommandReply.Of($"「{Inline(signUp.Activity)}」报名已结束，共 {signUp.Signed} 人报名。发 /名单 {Inline(signUp.Activity)} 查看名单。");
    }

    public async Task<CommandReply> ListAsync(Command.ListSignUps command, CommandContext ctx, CancellationToken ct)
    {
        if (command.Activity is null) return await OverviewAsync(ctx, ct);
        var found = await ResolveAsync(ctx, command, command.Activity, Scope.Existing, ct);
        if (found.Reply is { } reply) return reply;
        if (found.SignUp is not { } signUp)
            return CommandReply.Of($"「{Inline(found.Title!)}」还没有开始报名。想参加就发 /报名 {Inline(found.Title!)}");
        var standings = SignUpStore.Standings(await store.EntriesAsync(signUp.Id, ct), signUp.Quota);
        var signed = standings.Where(s => !s.Standing.Waiting).ToList();
        var waiting = standings.Where(s => s.Standing.Waiting).ToList();

        var sb = new StringBuilder($"**「{Inline(signUp.Activity)}」报名名单**  \n");
        sb.Append(signUp.Quota is { } q ? $"已报名 {signed.Count}/{q} 人" : $"已报名 {signed.Count} 人（不限名额）");
        if (signUp.DeadlineAt is { } d) sb.Append($"，{LastDay(ctx, d)} 截止");
        if (!signUp.IsOpen) sb.Append("，报名已结束");
        sb.Append('\n');
        foreach (var (entry, standing) in signed) sb.Append($"\n{standing.Position}. {Name(entry)}");
        if (signed.Count == 0) sb.Append("\n还没有人报名，快来做第一个吧！");
        if (waiting.Count > 0)
        {
            sb.Append($"\n\n候补 {waiting.Count} 人：");
            foreach (var (entry, standing) in waiting) sb.Append($"\n{standing.Position}. {Name(entry)}");
        }
        return CommandReply.Of(sb.ToString());
    }

    private async Task<CommandReply> OverviewAsync(CommandContext ctx, CancellationToken ct)
    {
        var open = (await store.CurrentAsync(ctx.Now.Year, ct)).Where(s => s.IsOpen).ToList();
        if (open.Count == 0) return CommandReply.Of("现在没有进行中的报名。发 /本月 看看本月的活动。");
        var sb = new StringBuilder("**正在报名的活动**\n");
        foreach (var s in open) sb.Append($"\n- {Inline(s.Activity)}：{s.Signed}" + (s.Quota is { } q ? $"/{q} 人" : " 人"));
        sb.Append("\n\n发 /名单 活动名 查看名单。");
        return CommandReply.Of(sb.ToString());
    }

    private string Name(EntryRow entry) => Inline(members.DisplayName(entry.UserId, entry.UserName));

    /// <summary>
    /// This year's 12月1日 if it is still to come; a date that passed less than half a year ago is that past date (截止
    /// 12月1日 written on 3 December is two days ago, not next year, and is refused); an older one is next year's
    /// (截止1月10日 written in December). 2月29日 waits for a leap year; null when the day exists in no year (2月30日).
    /// </summary>
    internal static DateOnly? ResolveDeadline(MonthDay md, DateOnly today)
    {
        for (var year = today.Year; year <= today.Year + 4; year++)
        {
            if (md.Day > DateTime.DaysInMonth(year, md.Month)) continue;
            var date = new DateOnly(year, md.Month, md.Day);
            if (date >= today || year == today.Year && today.DayNumber - date.DayNumber <= RecentlyPassedDays) return date;
        }
        return null;
    }

    private const int RecentlyPassedDays = 183;
}
