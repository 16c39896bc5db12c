using UnionBot.Core.Callbacks;
using UnionBot.Core.Options;

namespace UnionBot.Core.Commands;

/// <summary>A message a teacher typed in a group, as every adapter (WeCom, DingTalk, local page) hands it over.</summary>
/// <param name="ChannelId">The configured channel id (<c>local</c> for the built-in page).</param>
/// <param name="Platform">Where it came from (/我的ID names it).</param>
/// <param name="MessageId">The platform's message id (WeCom msgid, DingTalk msgId), used to answer a redelivery once.</param>
/// <param name="UserId">The sender's user id on that platform.</param>
/// <param name="UserName">The platform's display name when it gives one (DingTalk senderNick), else null.</param>
/// <param name="Text">The raw text, possibly still starting with the @mention of the bot.</param>
/// <param name="IsPrivate">A one-to-one chat with the bot (WeCom single chat, DingTalk 1:1, the local page), not a group.</param>
public sealed record IncomingMessage(string ChannelId, PlatformKind Platform, string MessageId, string UserId, string? UserName, string Text, bool IsPrivate = false);

/// <summary>The bot's answer in the group: markdown, and the user ids it mentions (notifies).</summary>
public sealed record CommandReply(string Markdown, IReadOnlyList<string> Mentions)
{
    public static CommandReply Of(string markdown) => new(markdown, []);
}

/// <summary>Parses a message into a command and runs it. Never throws for bad input: answers a hint instead.</summary>
public interface ICommandPipeline
{
    /// <param name="claim">The message id, for the command's first write to commit with it; null for the local page.</param>
    Task<CommandReply> HandleAsync(IncomingMessage message, MessageClaim? claim, CancellationToken ct);
}
