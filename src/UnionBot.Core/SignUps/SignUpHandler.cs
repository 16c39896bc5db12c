using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Options;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.SignUps;

/// <summary>
/// /报名 /取消报名 /名单 /发起报名 /结束报名. A plan activity of this or next month that nobody opened yet is opened
/// implicitly, without quota, by the first /报名 (the reply says so): teachers should not wait for the chair to type
/// a command for what the plan already announced. An admin can still set a quota later with /发起报名.
/// </summary>
public sealed partial class SignUpHandler(
    SignUpStore store, PlanCalendar plan, PendingChoices choices, MemberDirectory members,
    IAnnouncementOutbox outbox, IOptions<UnionBotOptions> options, ILogger<SignUpHandler> logger)
{
    public async Task<CommandReply> SignUpAsync(Command.SignUp command, CommandContext ctx, CancellationToken ct)
    {
        var found = await ResolveAsync(ctx, command, command.Activity, Scope.SignUp, ct);
        if (found.Reply is { } reply) return reply;
        var (title, signUp) = (found.Title!, found.SignUp);

        var opened = signUp is null;
        // Only events open by themselves; the union's own tasks (财务内审, 工作总结) take sign-ups only when an admin opens them.
        if (opened && !plan.ThisAndNextMonth(ctx.Today).Any(a => a.Title == title && a.SignUp))
            return CommandReply.Of($"「{Inline(title)}」是工会的工作安排，不用报名哦。需要报名的话，请管理员发 /发起报名 {Inline(title)}。");
        var result = await store.JoinAsync(signUp?.Id, title, ctx, ct);
        var name = $"「{Inline(title)}」";
        // The quota and deadline as the join saw them, in its transaction: no second read after it.
        var quota = result.State.Quota;
        return CommandReply.Of(result switch
        {
            { Outcome: JoinOutcome.Closed } => $"{name}的报名已经结束啦。发 /本月 看看其他活动。",
            { Outcome: JoinOutcome.PastDeadline, State.DeadlineAt: { } due } => $"{name}的报名已于 {LastDay(ctx, due)} 截止，下次早点哦。",
            { Outcome: JoinOutcome.AlreadyIn, Standing.Waiting: true } => $"你已经在{name}的候补名单上了（第 {result.Standing.Position} 位），不用重复报名哦。",
            { Outcome: JoinOutcome.AlreadyIn } => $"你已经报过{name}了（第 {result.Standing!.Position} 位），不用重复报名哦。",
            { Standing.Waiting: true } => $"{name}名额已满，你在候补第 {result.Standing.Position} 位。有人取消时我会在群里通知你。",
            _ => (opened ? $"{name}是计划里的活动，已为大家开启报名（不限名额）。\n" : "")
                 + $"✅ 报名成功！你是{name}第 {result.Standing!.Position} 位" + (quota is { } q ? $"（名额 {q} 人）。" : "。"),
        });
    }

    public async Task<CommandReply> CancelAsync(Command.CancelSignUp command, CommandContext ctx, CancellationToken ct)
    {
        var found = await ResolveAsync(ctx, command, command.Activity, Scope.Existing, ct);
        if (found.Reply is { } reply) return reply;
        var name = $"「{Inline(found.Title!)}」";
        if (found.SignUp is not { } signUp) return CommandReply.Of($"{name}还没有开始报名，你也还没报名哦。");

        var result = await store.LeaveAsync(signUp.Id, ctx, ct);
        if (!result.WasIn) return CommandReply.Of($"你还没有报名{name}哦。");
        if (result.Promoted is { } promoted)
        {
            var who = members.DisplayName(promoted.UserId, promoted.UserName);
            var text = $"🎉 {Inline(who)}，{name}有名额空出来了，你已从候补转为正式报名（第 {result.PromotedPlace} 位）。";
            try
            {
                // Keyed by the entry: a redelivered /取消报名 or a retry cannot mention the same teacher twice.
                await outbox.EnqueueImmediateAsync($"signup-promoted:{signUp.Id}:{promoted.Id}",
                    new OutgoingMessage("候补转正", text, [promoted.UserId]), GroupOf.Target(promoted.ChannelId, options.Value), ct);
                logger.LogInformation("Sign-up {SignUpId}: entry {EntryId} moved up from the waiting list", signUp.Id, promoted.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cancellation is committed and the list is right; only the notice is missing, so say that, not "failed".
                logger.LogError(e, "Sign-up {SignUpId}: entry {EntryId} moved up but the notice could not be queued", signUp.Id, promoted.Id);
                return CommandReply.Of($"已取消你的{name}报名。候补的 {Inline(who)} 已经补上，但群通知没发出去，麻烦提醒一下 TA。");
            }
        }
        return CommandReply.Of($"已取消你的{name}报名。" + (result.Promoted is null ? "" : "候补的老师已经补上，谢谢你告诉大家。"));
    }

    private enum Scope { SignUp, Existing, Open, Close }

    /// <summary><see cref="Template"/> is the command as first typed when the title was picked from a numbered list.</summary>
    private sealed record Resolution(string? Title, SignUpRow? SignUp, CommandReply? Reply, Command? Template = null, bool IsChoice = false);

    /// <summary>The last day sign-ups are taken: the deadline is the first instant after it.</summary>
    private static string LastDay(CommandContext ctx, DateTimeOffset deadline) => Date(ctx.DayOf(deadline.AddTicks(-1)));

    /// <summary>Finds the one activity a typed name means, or the reply that says why not (none, or a numbered choice).</summary>
    private async Task<Resolution> ResolveAsync(CommandContext ctx, Command command, string typed, Scope scope, CancellationToken ct)
    {
        // /结束报名 answers with the count, which the listed rows do not keep current.
        var signUps = scope == Scope.Close ? await store.CurrentAsync(ctx.Now.Year, ct) : await store.ListedAsync(ctx.Now.Year, ct);
        // /取消报名 and /名单 know this and next month's plan like /报名, to say "not open yet" rather than "not found".
        var candidates = scope switch
        {
            Scope.Open => new ActivityMatcher.MatchTitles(
                KnownTitles(signUps, ctx.Today).Titles.Concat(plan.Current()?.Plan.Activities.Select(a => a.Title) ?? [])),
            Scope.Close => new ActivityMatcher.MatchTitles(signUps.Where(s => s.IsOpen).Select(s => s.Activity)),
            _ => KnownTitles(signUps, ctx.Today),
        };
        var match = choices.TryPick(ctx, command, typed, out var picked, out var template)
            ? new ActivityMatch.One(picked)
            : ActivityMatcher.Match(typed, candidates);

        switch (match)
        {
            case ActivityMatch.One one:
                // Prefer this year's row; an open one from last year (十二月、元月) otherwise.
                var row = signUps.Where(s => s.Activity == one.Title).MaxBy(s => s.Year);
                return new Resolution(one.Title, row, null, template);
            case ActivityMatch.Several several:
                choices.Offer(ctx, command, several.Titles);
                var list = string.Join("\n", several.Titles.Select((t, i) => $"{i + 1}. {Inline(t)}"));
                return new Resolution(null, null, CommandReply.Of(
                    $"「{Inline(typed)}」对应好几个活动，请回复序号选择：\n{list}\n例如：{Verb(command)} 1"), IsChoice: true);
            default:
                var answer = (scope == Scope.SignUp ? ElsewhereInPlan(typed, ctx) : null) ?? NotFound(typed, scope, candidates.Titles);
                return new Resolution(null, null, CommandReply.Of(answer));
        }
    }

    /// <summary>
    /// The sign-ups' and this and next month's titles, kept while neither list changes: both come from caches that hand
    /// out the same list object until the sign-ups change or the day or the plan does, so every /报名 in between matches
    /// against the same titles without building them again.
    /// </summary>
    private ActivityMatcher.MatchTitles KnownTitles(IReadOnlyList<SignUpRow> signUps, DateOnly today)
    {
        var months = plan.ThisAndNextMonth(today);
        if (_known is { } k && ReferenceEquals(k.SignUps, signUps) && ReferenceEquals(k.Months, months)) return k.Titles;
        var titles = new ActivityMatcher.MatchTitles(signUps.Select(s => s.Activity).Concat(months.Select(a => a.Title)));
        _known = new KnownLists(signUps, months, titles);
        return titles;
    }

    private sealed record KnownLists(IReadOnlyList<SignUpRow> SignUps, IReadOnlyList<Plan.PlanActivity> Months, ActivityMatcher.MatchTitles Titles);

    private volatile KnownLists? _known;

    private static string NotFound(string typed, Scope scope, IReadOnlyList<string> candidates)
    {
        var head = $"没有找到「{Inline(typed)}」。";
        if (candidates.Count == 0)
            return head + (scope == Scope.SignUp ? "本月和下月暂时没有可报名的活动。" : "现在没有进行中的报名。");
        var shown = candidates.Take(8).Select(t => $"- {Inline(t)}");
        var label = scope == Scope.SignUp ? "可以报名的活动" : "现有的报名";
        return $"{head}{label}：\n{string.Join("\n", shown)}" + (candidates.Count > 8 ? $"\n…共 {candidates.Count} 项" : "");
    }

    private static string Verb(Command command) => command switch
    {
        Command.SignUp => "/报名",
        Command.CancelSignUp => "/取消报名",
        Command.ListSignUps => "/名单",
        Command.OpenSignUp => "/发起报名",
        _ => "/结束报名",
    };
}
