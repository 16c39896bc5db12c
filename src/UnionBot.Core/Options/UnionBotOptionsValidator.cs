using System.Globalization;
using Microsoft.Extensions.Options;

namespace UnionBot.Core.Options;

/// <summary>Checks every key at start so that a wrong value stops the bot with one line naming it.</summary>
public sealed class UnionBotOptionsValidator : IValidateOptions<UnionBotOptions>
{
    public ValidateOptionsResult Validate(string? name, UnionBotOptions o)
    {
        var errors = new List<string>();
        void Fail(string key, string message) => errors.Add($"UnionBot:{key}: {message}");

        if (!TryFindZone(o.TimeZone))
            Fail("TimeZone", $"'{o.TimeZone}' is not a known time zone (for example Asia/Shanghai)");
        var databaseOk = IsSqliteConnectionString(o.Database, out var databaseError);
        if (!databaseOk)
            Fail("Database", $"must be a SQLite connection string such as 'Data Source=data/unionbot.db' ({databaseError})");
        foreach (var url in o.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
                Fail("Urls", $"'{url}' is not an http(s) address");
        if (o.PublicUrl.Length > 0 && (!Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var pub) || (pub.Scheme != "http" && pub.Scheme != "https")
            || pub.Query.Length > 0 || pub.Fragment.Length > 0))
            Fail("PublicUrl", $"'{o.PublicUrl}' is not an http(s) address such as https://bot.school.edu.cn (the console's login links start with it)");
        if (string.IsNullOrWhiteSpace(o.Plan.Path))
            Fail("Plan:Path", "must name the annual plan file");
        // A missing file stops only a bot with nothing to fall back on: one that read the plan before starts with that reading.
        else if (!File.Exists(o.Plan.Path) && (!databaseOk || !Schedule.PlanLoads.CanStartWithout(o.Database, o.Plan.Path)))
            Fail("Plan:Path", $"no such file '{o.Plan.Path}' (relative paths start from {Directory.GetCurrentDirectory()}), and the database holds no earlier reading of it");
        if (o.Plan.Year != 0 && (o.Plan.Year < 2000 || o.Plan.Year > 2099))
            Fail("Plan:Year", $"{o.Plan.Year} is not a year between 2000 and 2099 (0 means the current year)");
        if (o.Schedule.MonthlyNotice.Day is < 1 or > 28)
            Fail("Schedule:MonthlyNotice:Day", $"{o.Schedule.MonthlyNotice.Day} is not a day from 1 to 28");
        if (!IsTime(o.Schedule.MonthlyNotice.Time))
            Fail("Schedule:MonthlyNotice:Time", $"'{o.Schedule.MonthlyNotice.Time}' is not a time of day as HH:mm");
        if (!IsTime(o.Schedule.FestivalNotice.Time))
            Fail("Schedule:FestivalNotice:Time", $"'{o.Schedule.FestivalNotice.Time}' is not a time of day as HH:mm");
        if (o.Schedule.FestivalNotice.DaysBefore is < 0 or > 30)
            Fail("Schedule:FestivalNotice:DaysBefore", $"{o.Schedule.FestivalNotice.DaysBefore} is not a number of days from 0 to 30");
        if (o.Schedule.CatchUp < TimeSpan.Zero || o.Schedule.CatchUp > TimeSpan.FromDays(31))
            Fail("Schedule:CatchUp", $"{o.Schedule.CatchUp} must be between 00:00:00 and 31.00:00:00");
        CheckDelivery(o.Delivery, Fail);
        CheckBaseUrl("WeCom:ApiBaseUrl", o.WeCom.ApiBaseUrl, Fail);
        CheckBaseUrl("DingTalk:ApiBaseUrl", o.DingTalk.ApiBaseUrl, Fail);
        CheckBaseUrl("DingTalk:OpenApiBaseUrl", o.DingTalk.OpenApiBaseUrl, Fail);
        if (!Uri.TryCreate(o.WeCom.LongConnectionUrl, UriKind.Absolute, out var ws) || (ws.Scheme != "wss" && ws.Scheme != "ws"))
            Fail("WeCom:LongConnectionUrl", $"'{o.WeCom.LongConnectionUrl}' is not a ws(s):// address");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < o.Channels.Count; i++)
        {
            var c = o.Channels[i];
            var key = $"Channels:{i}";
            if (string.IsNullOrWhiteSpace(c.Id) || !c.Id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
                Fail($"{key}:Id", $"'{c.Id}' must be letters, digits, '-' or '_'");
            else if (c.Id == Announcements.DeliveryChannels.LocalId)
                Fail($"{key}:Id", "'local' is reserved for the built-in local channel");
            else if (!ids.Add(c.Id))
                Fail($"{key}:Id", $"'{c.Id}' is used by two channels");
            if (c.Platform == PlatformKind.Local)
                Fail($"{key}:Platform", "must be WeCom or DingTalk (the local channel is built in)");
            if (c.Platform == PlatformKind.WeCom && c.EncodingAesKey.Length > 0 && c.EncodingAesKey.Length != 43)
                Fail($"{key}:EncodingAesKey", "must be the 43 characters WeCom shows");
            if (c.Platform == PlatformKind.WeCom && (c.Token.Length > 0) != (c.EncodingAesKey.Length > 0))
                Fail($"{key}:Token", "Token and EncodingAesKey are set together or not at all");
            if (c.Mode == ChannelMode.LongConnection && c.Platform == PlatformKind.WeCom && (c.BotId.Length == 0 || c.BotSecret.Length == 0))
                Fail($"{key}:BotId", "a WeCom channel in LongConnection mode needs BotId and BotSecret (智能机器人 → API 模式 → 长连接)");
            if (c.Mode == ChannelMode.LongConnection && c.Platform == PlatformKind.DingTalk && (c.AppKey.Length == 0 || c.AppSecret.Length == 0))
                Fail($"{key}:AppKey", "a DingTalk channel in LongConnection mode needs AppKey and AppSecret (Stream mode)");
            if (c.SendVia == SendPath.LongConnection && (c.Platform != PlatformKind.WeCom || c.Mode != ChannelMode.LongConnection))
                Fail($"{key}:SendVia", "LongConnection posting exists only for WeCom channels in LongConnection mode; use Webhook");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsSqliteConnectionString(string? value, out string error)
    {
        error = "it is empty";
        if (string.IsNullOrWhiteSpace(value)) return false;
        try
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(value);
            error = "it names no Data Source";
            return builder.DataSource.Length > 0;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static bool IsTime(string s) =>
        TimeOnly.TryParseExact(s, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool TryFindZone(string id)
    {
        try { TimeZoneInfo.FindSystemTimeZoneById(id); return true; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException) { return false; }
    }

    private static void CheckDelivery(DeliveryOptions d, Action<string, string> fail)
    {
        if (d.MaxPerMinute is < 0 or > 20)
            fail("Delivery:MaxPerMinute", $"{d.MaxPerMinute} must be from 1 to 20 (the platforms allow 20 per minute), or 0 for no limit");
        if (d.RateWindow < TimeSpan.FromMilliseconds(10) || d.RateWindow > TimeSpan.FromHours(1))
            fail("Delivery:RateWindow", $"{d.RateWindow} must be between 00:00:00.010 and 01:00:00");
        if (d.MaxAttempts is < 1 or > 10)
            fail("Delivery:MaxAttempts", $"{d.MaxAttempts} must be from 1 to 10");
        if (d.RetryDelay < TimeSpan.Zero || d.RetryDelay > TimeSpan.FromMinutes(5))
            fail("Delivery:RetryDelay", $"{d.RetryDelay} must be between 00:00:00 and 00:05:00");
        if (d.WeComPause < TimeSpan.FromSeconds(60) || d.WeComPause > TimeSpan.FromHours(1))
            fail("Delivery:WeComPause", $"{d.WeComPause} must be between 00:01:00 (WeCom's block) and 01:00:00");
        if (d.DingTalkPause < TimeSpan.FromMinutes(10) || d.DingTalkPause > TimeSpan.FromHours(1))
            fail("Delivery:DingTalkPause", $"{d.DingTalkPause} must be between 00:10:00 (DingTalk's throttle) and 01:00:00");
        if (d.BacklogAfter < TimeSpan.FromMinutes(1) || d.BacklogAfter > TimeSpan.FromDays(1))
            fail("Delivery:BacklogAfter", $"{d.BacklogAfter} must be between 00:01:00 and 1.00:00:00");
    }

    private static void CheckBaseUrl(string key, string value, Action<string, string> fail)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
            fail(key, $"'{value}' is not an http(s) base address");
    }
}
