using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>
/// Posts to a DingTalk custom robot (PROTOCOLS.md 2.1): markdown with the title repeated as a heading, the
/// <c>at</c> object plus <c>@userid</c> in the text, and 加签 with a fresh timestamp on every request.
/// Also posts the replies to a callback's <c>sessionWebhook</c>.
/// </summary>
/// <param name="http">Makes the client of a post (IHttpClientFactory.CreateClient): none is made before the first one.</param>
public sealed partial class DingTalkRobotClient(Func<HttpClient> http, TimeProvider time, ILogger<DingTalkRobotClient> logger) : IPlatformMessenger
{
    public const int MaxContentBytes = 20000;

    /// <summary>Room kept for what this client adds to a part: the title heading and the <c>@userid</c> line.</summary>
    public const int ReservedBytes = 1000;

    public PlatformKind Platform => PlatformKind.DingTalk;

    public int MaxMessageBytes => MaxContentBytes - ReservedBytes;

    public async Task<SendResult> SendAsync(ChannelOptions channel, OutgoingMessage message, CancellationToken ct)
    {
        var token = WebhookCredential.Extract(channel.AccessToken, "access_token");
        if (token.Length == 0)
            return new(SendOutcome.Permanent, null, PlatformErrors.FixFor(channel, 400101));
        var url = $"robot/send?access_token={Uri.EscapeDataString(token)}";
        var secret = channel.Secret.Trim();
        if (secret.Length > 0)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds(); // fresh per request: DingTalk allows 1 h of skew
            url += $"&timestamp={timestamp}&sign={DingTalkSigner.SignForUrl(secret, timestamp)}";
        }
        return await PostAsync(url, channel, message, ct);
    }

    /// <summary>
    /// Posts a reply to a callback's <c>sessionWebhook</c>. Only an address on the configured DingTalk API host is
    /// used: the callback body is not signed, so anything else would be an address chosen by whoever sent it.
    /// </summary>
    public async Task<SendResult> SendToSessionAsync(string sessionWebhook, ChannelOptions channel, OutgoingMessage message, CancellationToken ct)
    {
        if (!IsOnApiHost(sessionWebhook))
            return new(SendOutcome.Permanent, null,
                $"channel {PlatformErrors.Describe(channel)}: refused to post to a sessionWebhook outside UnionBot:DingTalk:ApiBaseUrl");
        var result = await PostAsync(sessionWebhook, channel, message, ct);
        // On a sessionWebhook 300001 names the session, not the robot's token: the address lives about 90 minutes and
        // has expired. Nothing about the channel is wrong, so the sentence must not send the chair to paste a webhook.
        return result.ErrorCode == 300001
            ? result with
            {
                ErrorMessage = $"the DingTalk reply session of channel {PlatformErrors.Describe(channel)} has expired (a sessionWebhook " +
                               "lives about 90 minutes): this one reply is lost, the channel itself is fine (errcode 300001)",
            }
            : result;
    }

    public bool IsOnApiHost(string address) =>
        http().BaseAddress is { } api
        && Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Scheme == api.Scheme
        && string.Equals(uri.Host, api.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == api.Port;

    /// <summary>The exact body DingTalk receives for <paramref name="message"/>.</summary>
    public static DingTalkMessage BuildPayload(OutgoingMessage message)
    {
        var mentions = MentionTargets.From(message.Mentions);
        var title = string.IsNullOrWhiteSpace(message.Title) ? FirstLine(message.Markdown) : message.Title.Trim();
        var body = message.Markdown.TrimEnd();
        var tags = string.Join(' ', mentions.UserIds.Concat(mentions.Mobiles).Select(id => "@" + id));
        if (tags.Length > 0 && Encoding.UTF8.GetByteCount(body) + 2 + Encoding.UTF8.GetByteCount(tags) <= MaxContentBytes)
            body += "\n\n" + tags; // a mention notifies only when written in the text too; never at the price of a refused message

        // The title shows only in the chat list: repeat it as a heading unless the text opens with one already.
        var opensWithHeading = body.TrimStart().StartsWith('#');
        var withHeading = $"#### {title}\n\n{body}";
        var text = !opensWithHeading && Encoding.UTF8.GetByteCount(withHeading) <= MaxContentBytes ? withHeading : body;
        return new("markdown",
            Markdown: new(title, text),
            At: new(mentions.Mobiles, mentions.UserIds, IsAtAll: false));
    }

    private async Task<SendResult> PostAsync(string url, ChannelOptions channel, OutgoingMessage message, CancellationToken ct)
    {
        var body = RobotHttp.Serialize(BuildPayload(message));
        var result = await RobotHttp.PostAsync(http(), time, url, body, channel, ct);
        LogSent(logger, channel.Id, body.Length, result.Outcome, result.ErrorCode);
        return result;
    }

    /// <summary>A title for a message that has none: its first line, short enough for the chat list.</summary>
    private static string FirstLine(string markdown)
    {
        var line = markdown.Split('\n').Select(l => l.Trim().TrimStart('#', '>', ' ').Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null) return "工会助手";
        var info = new StringInfo(line);
        return info.LengthInTextElements <= 40 ? line : info.SubstringByTextElements(0, 40) + "…";
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "DingTalk robot of channel {Channel}: markdown of {Bytes} bytes → {Outcome} (errcode {ErrorCode})")]
    private static partial void LogSent(ILogger logger, string channel, int bytes, SendOutcome outcome, int? errorCode);
}
