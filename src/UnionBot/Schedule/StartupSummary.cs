using System.Globalization;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Schedule;

namespace UnionBot.Schedule;

/// <summary>
/// The first lines of the log, in words the IT teacher and the chair read without the README: which plan, how many
/// activities, the next three announcements and the groups they go to, and for every channel what works and which keys
/// are missing. Key names only, never their values.
/// </summary>
internal static class StartupSummary
{
    private const int Upcoming = 3;
    // Written out rather than taken from the zh-CN culture: the Linux release runs without ICU (InvariantGlobalization),
    // where no culture data exists.
    private const string WeekdayNames = "日一二三四五六";

    public static IReadOnlyList<string> Lines(
        UnionBotOptions options, YearSchedule schedule, string? planError, IReadOnlyList<DeliveryChannel> delivery, DateTimeOffset now)
    {
        var lines = new List<string> { $"工会助手启动：时区 {options.TimeZone}，数据库 {DatabaseFile(options.Database)}，本机聊天页 {LocalPage(options.Urls)}" };
        if (planError is not null && schedule.Sha256.Length == 0)
        {
            lines.Add($"计划：{options.Plan.Path} 读不出来（{planError}），所以不会发任何计划通知；改好文件后会自动重新读取");
        }
        else
        {
            var plan = schedule.Plan;
            var title = plan.Title is { Length: > 0 } t ? $"《{t}》" : "";
            var left = schedule.Announcements.Count(a => a.At >= now);
            // The file is gone or broken, but a good reading of it (or the published corrections) is kept in the database.
            if (planError is not null)
                lines.Add($"注意：计划文件 {options.Plan.Path} 读不出来（{planError}），先沿用上次读到的计划；把文件放回或改好后会自动重新读取");
            lines.Add($"计划：{schedule.PlanPath}{title}，{plan.Activities.Count} 项活动；{schedule.Year} 年共 {schedule.Announcements.Count} 条通知，还有 {left} 条未发");
            lines.AddRange(NextAnnouncements(schedule, delivery, now, options.FindZone()));
        }
        foreach (var channel in options.Channels) lines.Add(Describe(channel));
        lines.Add($"本地频道：所有通知也显示在本机聊天页 {LocalPage(options.Urls)}，可以在那里试用全部命令");
        return lines;
    }

    private static IEnumerable<string> NextAnnouncements(YearSchedule schedule, IReadOnlyList<DeliveryChannel> delivery, DateTimeOffset now, TimeZoneInfo zone)
    {
        var next = schedule.Announcements.Where(a => a.At >= now).OrderBy(a => a.At).Take(Upcoming).ToList();
        if (next.Count == 0)
        {
            yield return $"接下来的通知：{schedule.Year} 年的通知都已发过，新年第一天会读取计划排出新一年的通知";
            yield break;
        }
        var groups = string.Join("、", delivery.Select(c => c.Options.Name is { Length: > 0 } name ? name : c.Id));
        yield return $"接下来的 {next.Count} 条通知（发到：{groups}）：";
        foreach (var a in next)
        {
            var at = TimeZoneInfo.ConvertTime(a.At, zone);
            yield return string.Create(CultureInfo.InvariantCulture, $"  {at:yyyy-MM-dd} 周{WeekdayNames[(int)at.DayOfWeek]} {at:HH:mm} {KindName(a.Kind)}「{a.Title}」");
        }
    }

    private static string Describe(ChannelOptions c)
    {
        var name = $"群「{(c.Name.Length > 0 ? c.Name : c.Id)}」（{c.Id}，{(c.Platform == PlatformKind.DingTalk ? "钉钉" : "企业微信")}）";
        var send = c.CanSend
            ? $"通知：会发到群里（{SendWay(c)}）"
            : $"通知：缺少 {string.Join("、", MissingForSending(c))}，通知不会发到这个群";
        var receive = c.Mode == ChannelMode.LongConnection
            ? c.CanConnect
                ? "命令：用长连接接收，启动后自动连接（连上没有：看 /healthz 的 long-connections）"
                : $"命令：缺少 {string.Join("、", MissingForConnecting(c))}，长连接不会建立，群里的命令收不到"
            : c.CanReceive
                ? $"命令：用回调接收，平台要能访问 /callbacks/{(c.Platform == PlatformKind.DingTalk ? "dingtalk" : "wecom")}/{c.Id}"
                : $"命令：缺少 {string.Join("、", MissingForCallbacks(c))}，群里的命令收不到";
        return $"{name}：{send}；{receive}";
    }

    private static string SendWay(ChannelOptions c) =>
        c.Platform == PlatformKind.WeCom && c.SendVia == SendPath.LongConnection ? "智能机器人长连接" : "群机器人 Webhook";

    private static IEnumerable<string> MissingForSending(ChannelOptions c) => c.Platform switch
    {
        PlatformKind.WeCom when c.SendVia == SendPath.LongConnection => Missing(("BotId", c.BotId), ("BotSecret", c.BotSecret)),
        PlatformKind.WeCom => Missing(("WebhookKey", c.WebhookKey)),
        _ => Missing(("AccessToken", c.AccessToken)),
    };

    private static IEnumerable<string> MissingForConnecting(ChannelOptions c) => c.Platform == PlatformKind.WeCom
        ? Missing(("BotId", c.BotId), ("BotSecret", c.BotSecret))
        : Missing(("AppKey", c.AppKey), ("AppSecret", c.AppSecret));

    private static IEnumerable<string> MissingForCallbacks(ChannelOptions c) => c.Platform == PlatformKind.WeCom
        ? Missing(("Token", c.Token), ("EncodingAesKey", c.EncodingAesKey))
        : Missing(("AppSecret", c.AppSecret));

    private static IEnumerable<string> Missing(params (string Key, string Value)[] keys) =>
        keys.Where(k => k.Value.Length == 0).Select(k => k.Key);

    private static string KindName(AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.Monthly => "月度活动通知",
        AnnouncementKind.Festival => "节日祝福",
        AnnouncementKind.Reminder => "节日活动提醒",
        _ => "公告",
    };

    private static string DatabaseFile(string connectionString) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;

    private static string LocalPage(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0].TrimEnd('/') + "/";
}

/// <summary>Reads the plan at start and writes <see cref="StartupSummary"/>, one log line each.</summary>
internal sealed class StartupSummaryLog(
    YearScheduleSource source, DeliveryChannels channels, Microsoft.Extensions.Options.IOptions<UnionBotOptions> options,
    TimeProvider time, ILogger<StartupSummaryLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Current reads the plan unless something started earlier already did; an unreadable plan is logged there, once.
        var schedule = source.Current;
        foreach (var line in StartupSummary.Lines(options.Value, schedule, source.LastError, channels.All, time.GetUtcNow()))
            logger.LogInformation("{Line}", line);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
