using UnionBot.Core.Announcements;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.ChairConsole;

/// <summary>The words the console uses for the bot's states, for a chair who does not read log files.</summary>
public static class ConsoleText
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

    public static string Error(OutboxRow row) =>
        row.LastError is null ? "" : row.LastErrcode is { } code ? $"{row.LastError}（错误码 {code}）" : row.LastError;

    public static string Action(string action) => action switch
    {
        "console-login" => "登录后台", "publish-plan" => "发布计划修改", "open-signup" => "发起报名", "close-signup" => "结束报名", "list-suggestions" => "查看建议列表",
        "reply-suggestion" => "回复建议", "close-poll" => "结束投票", "announce" => "发公告",
        "outbox-sendnow" => "立即发送通知", "outbox-retry" => "重发通知", "outbox-skip" => "跳过通知", "import-members" => "导入成员名单",
        _ => action,
    };
}
