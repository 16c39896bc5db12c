using System.Text;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>
/// Posts to a WeCom group robot (PROTOCOLS.md 1.1): <c>markdown</c> for announcements; <c>text</c> with
/// <c>mentioned_list</c> when someone must be notified, because markdown mentions do not notify.
/// </summary>
/// <param name="http">Makes the client of a post (IHttpClientFactory.CreateClient): none is made before the first one.</param>
public sealed partial class WeComRobotClient(Func<HttpClient> http, TimeProvider time, ILogger<WeComRobotClient> logger) : IPlatformMessenger
{
    public const int MaxMarkdownBytes = 4096;
    public const int MaxTextBytes = 2048;

    public PlatformKind Platform => PlatformKind.WeCom;

    /// <summary>The markdown limit; a message with mentions whose plain text is over <see cref="MaxTextBytes"/> goes as markdown.</summary>
    public int MaxMessageBytes => MaxMarkdownBytes;

    /// <summary>A message with mentions goes as <c>text</c>, the only type whose mentions notify.</summary>
    public int MaxMentionMessageBytes => MaxTextBytes;

    public async Task<SendResult> SendAsync(ChannelOptions channel, OutgoingMessage message, CancellationToken ct)
    {
        var key = WebhookCredential.Extract(channel.WebhookKey, "key");
        if (key.Length == 0)
            return new(SendOutcome.Permanent, null,
                $"channel {PlatformErrors.Describe(channel)} has no WeCom webhook key: set WebhookKey to the group robot's webhook");
        var payload = BuildPayload(message);
        var body = RobotHttp.Serialize(payload);
        var result = await RobotHttp.PostAsync(http(), time, $"cgi-bin/webhook/send?key={Uri.EscapeDataString(key)}", body, channel, ct);
        LogSent(logger, channel.Id, payload.MsgType, body.Length, result.Outcome, result.ErrorCode);
        return result;
    }

    /// <summary>The exact body WeCom receives for <paramref name="message"/>.</summary>
    public static WeComMessage BuildPayload(OutgoingMessage message)
    {
        var mentions = MentionTargets.From(message.Mentions);
        if (!mentions.Any) return new("markdown", Markdown: new(message.Markdown));

        var text = PlainText.FromMarkdown(message.Markdown);
        if (Encoding.UTF8.GetByteCount(text) <= MaxTextBytes)
        {
            return new("text", Text: new(text,
                mentions.UserIds.Count > 0 ? mentions.UserIds : null,
                mentions.Mobiles.Count > 0 ? mentions.Mobiles : null));
        }

        // Too long for text: markdown keeps every word, and <@userid> is the only mention markdown has (it may not notify).
        var tags = string.Join(' ', mentions.UserIds.Select(u => $"<@{u}>"));
        var withTags = $"{message.Markdown}\n\n{tags}";
        var fits = tags.Length > 0 && Encoding.UTF8.GetByteCount(withTags) <= MaxMarkdownBytes;
        return new("markdown", Markdown: new(fits ? withTags : message.Markdown));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeCom robot of channel {Channel}: {MsgType} of {Bytes} bytes → {Outcome} (errcode {ErrorCode})")]
    private static partial void LogSent(ILogger logger, string channel, string msgType, int bytes, SendOutcome outcome, int? errorCode);
}
