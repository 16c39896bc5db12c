using Microsoft.Extensions.Logging;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms.Local;

/// <summary>
/// The built-in local channel (SPEC section 6): announcements go to the local chat page and to the log, so the
/// whole product can be tried on one machine without platform credentials.
/// </summary>
public sealed partial class LocalMessenger(LocalFeed feed, ILogger<LocalMessenger> logger) : IPlatformMessenger
{
    public const string Author = "工会助手";
    public const string Kind = "announcement";

    public PlatformKind Platform => PlatformKind.Local;

    /// <summary>The page shows any length; the cap only keeps one runaway message from filling the feed.</summary>
    public int MaxMessageBytes => 64 * 1024;

    public Task<SendResult> SendAsync(ChannelOptions channel, OutgoingMessage message, CancellationToken ct)
    {
        var mentions = MentionTargets.From(message.Mentions);
        var tags = string.Join(' ', mentions.UserIds.Concat(mentions.Mobiles).Select(id => "@" + id));
        var text = tags.Length == 0 ? message.Markdown : $"{message.Markdown.TrimEnd()}\n\n{tags}";
        var item = feed.Append(Author, Kind, text);
        LogPosted(logger, message.Title, item.Id);
        return Task.FromResult(SendResult.Ok);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local channel: announcement \"{Title}\" posted to the local chat page (item {ItemId})")]
    private static partial void LogPosted(ILogger logger, string title, long itemId);
}
