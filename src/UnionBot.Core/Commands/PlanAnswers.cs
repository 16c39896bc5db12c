using System.Text;
using UnionBot.Core.Plan;
using UnionBot.Core.SignUps;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.Commands;

/// <summary>/本月 and /计划: answers built from the parsed plan, months taken in the configured zone.</summary>
public sealed class PlanAnswers(PlanCalendar plan, SignUpStore signUps)
{
    public async Task<CommandReply> ThisMonthAsync(CommandContext ctx, CancellationToken ct)
    {
        var activities = plan.InMonth(ctx.Today.Year, ctx.Today.Month);
        var sb = new StringBuilder($"**{ctx.Today.Month}月工会活动**\n");
        if (activities.Count == 0) sb.Append("\n本月计划里没有安排活动。");
        for (var i = 0; i < activities.Count; i++) sb.Append($"\n{i + 1}. {Inline(activities[i].Title)}");

        var open = (await signUps.CurrentAsync(ctx.Now.Year, ct)).Where(s => s.IsOpen).ToList();
        if (open.Count > 0)
        {
            sb.Append("\n\n**正在报名**\n");
            foreach (var s in open) sb.Append($"\n- {Inline(s.Activity)}（{s.Signed}" + (s.Quota is { } q ? $"/{q} 人）" : " 人）"));
        }
        sb.Append("\n\n想参加就发 /报名 活动名（写名字的一部分也可以）");
        if (activities.FirstOrDefault(a => a.Title.Length <= 12) is { } example) sb.Append($"，例如 /报名 {Inline(example.Title)}");
        return CommandReply.Of(sb.ToString());
    }

    public CommandReply Plan(Command.Plan command, CommandContext ctx)
    {
        if (plan.Current() is not { } schedule) return CommandReply.Of("工作计划暂时读不到，请联系工会管理员检查计划文件。");
        var activities = schedule.Plan.Activities;
        if (command.Month is { } month)
        {
            var inMonth = activities.Where(a => a.Months.Any(m => m.Month == month)).ToList();
            if (inMonth.Count == 0) return CommandReply.Of($"计划里 {month}月 没有安排活动。发 /计划 查看全年计划。");
            var sb = new StringBuilder($"**{month}月工作计划**\n");
            for (var i = 0; i < inMonth.Count; i++) sb.Append($"\n{i + 1}. {Inline(inMonth[i].Title)}");
            return CommandReply.Of(sb.ToString());
        }

        if (activities.Count == 0) return CommandReply.Of("计划里没有找到按月安排的活动。");
        var all = new StringBuilder($"**{Inline(schedule.Plan.Title ?? $"{schedule.Year}年工会工作计划")}**");
        foreach (var group in activities.GroupBy(a => Heading(a.Months)))
        {
            all.Append($"\n\n**{group.Key}**");
            foreach (var a in group) all.Append($"\n- {Inline(a.Title)}");
        }
        all.Append("\n\n发 /计划 3月 只看某个月。");
        return CommandReply.Of(all.ToString());
    }

    private static string Heading(IReadOnlyList<PlanMonth> months) => string.Join("、", months.Select(m => $"{m.Month}月"));
}
