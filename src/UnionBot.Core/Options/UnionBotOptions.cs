namespace UnionBot.Core.Options;

/// <summary>The <c>UnionBot</c> configuration section (SPEC section 2). Defaults are the embedded defaults.</summary>
public sealed class UnionBotOptions
{
    public const string Section = "UnionBot";

    public string TimeZone { get; set; } = "Asia/Shanghai";
    public string Database { get; set; } = "Data Source=data/unionbot.db";
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The address put into console login links; empty means the first of <see cref="Urls"/>.</summary>
    public string PublicUrl { get; set; } = "";
    public PlanOptions Plan { get; set; } = new();
    public ScheduleOptions Schedule { get; set; } = new();
    public List<string> Admins { get; set; } = [];
    public string Members { get; set; } = "";
    public List<ChannelOptions> Channels { get; set; } = [];
    public WeComApiOptions WeCom { get; set; } = new();
    public DingTalkApiOptions DingTalk { get; set; } = new();
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary><see cref="PublicUrl"/>, or the first of <see cref="Urls"/>, without a trailing slash.</summary>
    public string PublicBaseUrl =>
        (PublicUrl.Length > 0 ? PublicUrl : Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "")
        .TrimEnd('/');

    // One reference, so that a thread reading it sees a whole pair (a struct of two fields could be read half written).
    private sealed record ZoneById(string Id, TimeZoneInfo Zone);
    private ZoneById? _zone;

    /// <summary>
    /// The configured zone; valid once the options passed validation. Looked up once per <see cref="TimeZone"/> value:
    /// the lookup takes a process-wide lock, and every command asks for the zone. A method, not a property: the
    /// configuration binder (and its source generator, on when the release is trimmed) binds every public property and
    /// cannot bind a <see cref="TimeZoneInfo"/>; the configuration holds the zone's name.
    /// </summary>
    public TimeZoneInfo FindZone()
    {
        if (_zone is { } cached && cached.Id == TimeZone) return cached.Zone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        _zone = new ZoneById(TimeZone, zone);
        return zone;
    }
}

public sealed class PlanOptions
{
    public string Path { get; set; } = "seeds/000_47ac6d738d8cc271.txt";

    /// <summary>0 means the current year in the configured time zone.</summary>
    public int Year { get; set; }
}

public sealed class ScheduleOptions
{
    public MonthlyNoticeOptions MonthlyNotice { get; set; } = new();
    public FestivalNoticeOptions FestivalNotice { get; set; } = new();
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromHours(12);
}

public sealed class MonthlyNoticeOptions
{
    public int Day { get; set; } = 1;
    public string Time { get; set; } = "08:30";
    /// <summary>A notice that falls on a day off (weekend or statutory holiday, <see cref="Calendar.WorkingDays"/>) moves to the next working day.</summary>
    public bool SkipWeekend { get; set; } = true;
    public TimeOnly TimeOfDay => TimeOnly.ParseExact(Time, "HH:mm");
}

public sealed class FestivalNoticeOptions
{
    public string Time { get; set; } = "08:00";
    public int DaysBefore { get; set; } = 3;
    public TimeOnly TimeOfDay => TimeOnly.ParseExact(Time, "HH:mm");
}

public enum PlatformKind { Local, WeCom, DingTalk }

/// <summary>How a channel receives the commands typed in its group.</summary>
public enum ChannelMode
{
    /// <summary>The platform calls <c>/callbacks/…</c> over HTTPS (needs a public address).</summary>
    Webhook,
    /// <summary>UnionBot dials out: WeCom 智能机器人 long connection, DingTalk Stream mode (works behind NAT).</summary>
    LongConnection,
}

/// <summary>How announcements reach a channel's group.</summary>
public enum SendPath
{
    /// <summary>The group robot webhook (WeCom <c>WebhookKey</c>, DingTalk <c>AccessToken</c>).</summary>
    Webhook,
    /// <summary>WeCom only: <c>aibot_send_msg</c> over the long connection (for a group without a group robot).</summary>
    LongConnection,
}

public sealed class ChannelOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public PlatformKind Platform { get; set; }

    /// <summary>How commands arrive: HTTP callbacks (default) or a connection UnionBot opens itself.</summary>
    public ChannelMode Mode { get; set; } = ChannelMode.Webhook;

    /// <summary>How announcements are posted; <c>LongConnection</c> is for WeCom channels in that mode.</summary>
    public SendPath SendVia { get; set; } = SendPath.Webhook;

    // WeCom: group robot (announcements), 智能机器人 callback (commands), long connection.
    public string WebhookKey { get; set; } = "";
    public string Token { get; set; } = "";
    public string EncodingAesKey { get; set; } = "";
    public string BotId { get; set; } = "";
    public string BotSecret { get; set; } = "";

    // DingTalk: custom robot (announcements), enterprise robot callback (commands).
    public string AccessToken { get; set; } = "";
    public string Secret { get; set; } = "";
    public string AppKey { get; set; } = "";
    public string AppSecret { get; set; } = "";

    /// <summary>Whether announcements can be posted to this channel's group robot.</summary>
    public bool CanSend => Platform switch
    {
        PlatformKind.WeCom when SendVia == SendPath.LongConnection => BotId.Length > 0 && BotSecret.Length > 0,
        PlatformKind.WeCom => WebhookKey.Length > 0,
        PlatformKind.DingTalk => AccessToken.Length > 0,
        _ => true,
    };

    /// <summary>Whether this channel accepts HTTP callbacks (commands typed in the group).</summary>
    public bool CanReceive => Mode == ChannelMode.Webhook && Platform switch
    {
        PlatformKind.WeCom => Token.Length > 0 && EncodingAesKey.Length > 0,
        PlatformKind.DingTalk => AppSecret.Length > 0,
        _ => true,
    };

    /// <summary>Whether UnionBot should open this channel's long connection (credentials present).</summary>
    public bool CanConnect => Mode == ChannelMode.LongConnection && Platform switch
    {
        PlatformKind.WeCom => BotId.Length > 0 && BotSecret.Length > 0,
        PlatformKind.DingTalk => AppKey.Length > 0 && AppSecret.Length > 0,
        _ => false,
    };
}

public sealed class WeComApiOptions
{
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>The 智能机器人 long-connection gateway (PROTOCOLS.md 1.2).</summary>
    public string LongConnectionUrl { get; set; } = "wss://openws.work.weixin.qq.com";
}

public sealed class DingTalkApiOptions
{
    public string ApiBaseUrl { get; set; } = "https://oapi.dingtalk.com";

    /// <summary>The open API that hands out Stream-mode connections (PROTOCOLS.md 2.2).</summary>
    public string OpenApiBaseUrl { get; set; } = "https://api.dingtalk.com";
}
