using Microsoft.Extensions.Logging;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>
/// Announcements for WeCom channels with <c>SendVia: LongConnection</c>: <c>aibot_send_msg</c> markdown to the group's
/// chatid. A link that is down, or a group not yet seen, is Transient: the outbox keeps the row and tries again.
/// </summary>
public sealed partial class WeComLinkMessenger(WeComLinks links, WeComChats chats, ILogger<WeComLinkMessenger> logger) : IPlatformMessenger
{
    public PlatformKind Platform => PlatformKind.WeCom;
    public SendPath Path => SendPath.LongConnection;

    /// <summary>Markdown over the long connection has the group robot's markdown limit (PROTOCOLS.md 1.1).</summary>
    public int MaxMessageBytes => 4096;

    public async Task<SendResult> SendAsync(ChannelOptions channel, OutgoingMessage message, CancellationToken ct)
    {
        if (links.Of(channel.Id) is not { IsConnected: true } link)
            return new SendResult(SendOutcome.Transient, null, $"the WeCom long connection of channel {PlatformErrors.Describe(channel)} is not connected");
        if (await chats.FindAsync(channel.Id, ct) is not { } chatId)
        {
            LogNoChat(channel.Id);
            return new SendResult(SendOutcome.Transient, null,
                $"channel {PlatformErrors.Describe(channel)} does not know its group yet: @mention the bot once in the group");
        }
        // Markdown mentions by userid (<@id>); "@all" and mobile numbers have no markdown form and are left to the text.
        var mentions = MentionTargets.From(message.Mentions).UserIds;
        var markdown = mentions.Count > 0 ? message.Markdown + "\n" + string.Join(" ", mentions.Select(u => $"<@{u}>")) : message.Markdown;
        var ack = await link.SendMarkdownAsync(chatId, markdown, ct);
        return ack is null
            ? new SendResult(SendOutcome.Transient, null, $"no answer from WeCom to aibot_send_msg for channel {PlatformErrors.Describe(channel)}")
            : PlatformErrors.Classify(channel, ack.ErrCode ?? -1, ack.ErrMsg);
    }

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId} cannot post over the WeCom long connection yet: its group chatid is learnt from the first message that @mentions the bot in the group")]
    private partial void LogNoChat(string channelId);
}
