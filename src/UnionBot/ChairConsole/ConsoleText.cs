using System.Text.RegularExpressions;
using UnionBot.Core.Announcements;
using UnionBot.Core.Plan;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Core.Schedule;

namespace UnionBot.ChairConsole;

/// <summary>The words the console uses for the bot's states, for a chair who does not read log files.</summary>
public static partial class ConsoleText
{
    public static string Kind(string kind) => kind switch
    {
        "monthly" => "月度通知", "festival" => "节日祝福", "reminder" => "节日提醒", "announce" => "公告", _ => kind,
    };

    public static string State(string state) => state switch
    {
        OutboxState.Pending => "待发送", OutboxState.Sending => "发送中", OutboxState.Sent => "已发送",
        OutboxState.Failed => "发送失败", OutboxState.Skipped => "已跳过", _ => state,
    };

    public static string StateCss(string state) => state switch
    {
        OutboxState.Sent => "ok", OutboxState.Failed => "bad", OutboxState.Skipped => "", _ => "wait",
    };

    public static string Link(LinkState state) => state switch
    {
        LinkState.Connected => "已连接", LinkState.Connecting => "连接中", LinkState.Reconnecting => "断开，正在重连",
        LinkState.AuthenticationFailed => "认证失败（请检查 BotId/BotSecret 或 AppKey/AppSecret）",
        LinkState.Superseded => "被另一处登录顶掉", LinkState.Stopped => "已停止", _ => state.ToString(),
    };

    public static string Check(string name) => name switch
    {
        "database" => "数据库", "scheduler" => "定时任务", "channels" => "群消息发送", "plan" => "工作计划",
        "long-connections" => "长连接", _ => name,
    };

    /// <summary>What a /healthz check that is not healthy means for the chair, and who can fix it.</summary>
    public static string Problem(string check, YearScheduleSource plan) => check switch
    {
        "database" => "数据库写不进去：报名、建议和通知都记不下来。请让管理员检查服务器的磁盘和 data 文件夹。",
        "scheduler" => "定时任务没有运行：通知不会按时发出。请让管理员重启助手。",
        "channels" => "有群的通知发不出去，原因见上面的“各群状态”。",
        "long-connections" => "有群的长连接没有连上，群里的命令可能收不到，见上面的“各群状态”。",
        "plan" when plan.LastError is not null => "计划文件读不出来：仍按上次读到的日程发通知。请在“计划”页重新上传。",
        "plan" => "计划里没有读到任何活动：今年不会发月度通知。请在“计划”页上传或补上活动。",
        _ => "这一项不正常。",
    };

    /// <summary>
    /// Why a row was not sent, in the chair's words. The stored reason is the log's English, written for the IT teacher;
    /// where no Chinese sentence fits it follows as 详情 for them.
    /// </summary>
    public static string Error(OutboxRow row) => row.LastError switch
    {
        null => "",
        OutboxStore.RemovedFromPlan => "计划里已经没有这项活动，不再发送",
        OutboxStore.TooLate => "过了补发期限（助手那段时间没有运行），不再补发",
        _ when PlatformErrors.ChineseFor(row.LastErrcode) is { } words => $"{words}（错误码 {row.LastErrcode}）",
        _ when row.LastErrcode is { } code => $"平台拒收了这条消息（错误码 {code}）：请检查群机器人的设置。详情：{row.LastError}",
        _ when row.State == OutboxState.Skipped => row.LastError,
        _ => $"没有发出去：网络不通，或平台没有正常回应{(row.State == OutboxState.Failed ? "；可以稍后点“重发”" : "，助手会再试")}。详情：{row.LastError}",
    };

    public static string Action(string action) => action switch
    {
        "console-login" => "登录后台", "publish-plan" => "发布计划修改", "open-signup" => "发起报名", "close-signup" => "结束报名", "list-suggestions" => "查看建议列表",
        "reply-suggestion" => "回复建议", "close-poll" => "结束投票", "announce" => "发公告",
        "outbox-sendnow" => "立即发送通知", "outbox-retry" => "重发通知", "outbox-skip" => "跳过通知", "import-members" => "导入成员名单",
        "upload-plan" => "上传计划（草稿）", "discard-plan" => "放弃上传的计划",
        _ => action,
    };

    /// <summary>
    /// A warning of the plan reader in the chair's words. The reader words its warnings for the log and the command line
    /// (in English, naming <c>plan parse --explain</c>); the console points to the line and to the table where she can
    /// add what was missed.
    /// </summary>
    public static string PlanWarning(string warning)
    {
        if (warning == PlanParser.NoScheduleWarning)
            return "没有找到按月份写的工作安排（例如“三月份：”下面列出活动），所以一项活动也没有读到。可以在下面的活动表里直接填写。";
        if (LineWarning().Match(warning) is { Success: true } line)
        {
            var reason = Enum.GetValues<SkipReason>().FirstOrDefault(r => SkipReasons.English(r) == line.Groups[3].Value);
            var why = reason == SkipReason.None ? "" : "（" + SkipReasons.Chinese(reason) + "）";
            return $"第 {line.Groups[1].Value} 行「{line.Groups[2].Value}」没有读成活动{why}。如果它是一项活动，请在活动表里补上。";
        }
        if (EmptyMonthWarning().Match(warning) is { Success: true } month)
            return $"「{month.Groups[1].Value}」下面没有读到活动。";
        return warning;
    }

    [GeneratedRegex("^line ([0-9]+) '(.*)' gave no activity: (.*); check it with plan parse <file> --explain$")]
    private static partial Regex LineWarning();

    [GeneratedRegex("^'(.*)' has no activities under it$")]
    private static partial Regex EmptyMonthWarning();
}
