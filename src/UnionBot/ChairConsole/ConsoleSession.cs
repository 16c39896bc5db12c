using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Options;

namespace UnionBot.ChairConsole;

/// <summary>The admin signed in to this request, and what a page needs to act for them through the Core services.</summary>
public sealed class ConsoleSession(string userId, string displayName, string formToken, UnionBotOptions options, TimeProvider time)
{
    public const string ChannelId = "console";
    public const string TokenField = "__RequestVerificationToken";

    public string UserId { get; } = userId;
    public string DisplayName { get; } = displayName;

    /// <summary>The antiforgery token every form of this page carries.</summary>
    public string FormToken { get; } = formToken;

    public TimeZoneInfo Zone => options.FindZone();

    /// <summary>
    /// The same context a command carries, so that the Core services record the admin's id in the audit log exactly
    /// as they do for a command typed in a group.
    /// </summary>
    public CommandContext Context()
    {
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);
        var message = new IncomingMessage(ChannelId, PlatformKind.Local, $"console-{Guid.NewGuid():N}", UserId, DisplayName, "", IsPrivate: true);
        return new CommandContext(message, IsAdmin: true, now, Zone);
    }

    /// <summary>A stored instant shown in the configured zone: 2026年3月1日 08:30.</summary>
    public string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy年M月d日 HH:mm");

    /// <summary>
    /// A sign-up deadline as the chair typed it: stored as the first instant refused (midnight after 截止12月31日),
    /// shown as the last day on which sign-ups are taken.
    /// </summary>
    public string LastDay(DateTimeOffset deadline) => TimeZoneInfo.ConvertTime(deadline.AddTicks(-1), Zone).ToString("yyyy年M月d日") + " 截止";

    public string Time(string? stored) =>
        stored is null ? "" : DateTimeOffset.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? Time(at) : stored;

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    internal static ConsoleSession Of(HttpContext http) =>
        http.Features.Get<ConsoleSession>() ?? throw new InvalidOperationException("console endpoint without the access filter");

    internal static string NameOf(MemberDirectory members, string userId) => members.DisplayName(userId);
}
