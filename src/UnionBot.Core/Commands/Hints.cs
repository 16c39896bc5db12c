namespace UnionBot.Core.Commands;

/// <summary>The short usage hints a teacher gets instead of silence.</summary>
internal static class Hints
{
    /// <summary>Stands for an activity name in a hint; <see cref="WithExample"/> puts one of the running plan's in its place.</summary>
    public const string Example = "{活动}";

    /// <summary>
    /// The hint with an event of the running plan as its example (<see cref="PlanCalendar.SignUpExample"/>), or the word
    /// 活动名 when this and next month have none: an example must never name an activity the plan does not have.
    /// </summary>
    public static string WithExample(string hint, Func<string?> example) =>
        hint.Contains(Example, StringComparison.Ordinal) ? hint.Replace(Example, example() is { } name ? Text.Markdown.Inline(name) : "活动名", StringComparison.Ordinal) : hint;

    public const string Empty = "我在呢～发 /帮助 看看我能做什么。";
    public const string UnknownCommand = "没有这个命令哦。发 /帮助 查看全部命令。";
    public const string NotACommand = "命令以 / 开头，例如 /本月、/报名 {活动}。发 /帮助 查看全部命令。";
    public const string Plan = "请这样写：/计划 或 /计划 3月。";
    public const string SignUp = "请写上活动名，例如：/报名 {活动}。发 /本月 看看本月的活动。";
    public const string Cancel = "请写上活动名，例如：/取消报名 {活动}。";
    public const string Close = "请写上活动名，例如：/结束报名 {活动}。";
    public const string Open = "请这样写：/发起报名 {活动} 名额20 截止12月1日（名额、截止可不写）。";
    public const string Quota = "名额要写 1 以上的人数，例如：名额20。";
    public const string Deadline = "截止日期没看懂，请写成 截止12月1日 或 截止12-01。";
    public const string Suggest = "请写上建议内容，例如：/建议 希望增加羽毛球活动。想匿名就写：/建议 匿名 内容。";
    public const string SuggestionQuery = "请写上回执编号，例如：/建议 查询 JY-2026-0007。";
    public const string SuggestionReply = "请这样写：/建议 回复 JY-2026-0007 回复内容。";
    public const string Poll = "请这样写：/投票 周五活动去哪？ 选项：A、B、C（可加 多选、匿名）。";
    public const string PollOptions = "投票需要 2 到 20 个不重复的选项，例如：选项：A、B、C。";
    public const string Vote = "请这样写：/投 投票编号 选项号，例如：/投 3 2（多选：/投 3 1 2）。";
    public const string Result = "请这样写：/结果 投票编号，例如：/结果 3。";
    public const string ClosePoll = "请这样写：/结束投票 投票编号，例如：/结束投票 3。";
    public const string Announce = "请写上公告内容，例如：/公告 周五下午三点开教代会。";
}
