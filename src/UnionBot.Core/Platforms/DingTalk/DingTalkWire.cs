using System.Text.Json;
using UnionBot.Core.Commands;
using UnionBot.Core.Announcements;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>The fields of a robot callback body UnionBot needs; unknown fields are ignored.</summary>
/// <param name="IsPrivate">conversationType "1": a one-to-one chat with the robot ("2" is a group; PROTOCOLS.md 2.2).</param>
public sealed record DingTalkIncoming(string MsgType, string MsgId, string UserId, string? SenderNick, string? Text, string? SessionWebhook,
    bool IsPrivate = false)
{
    public static DingTalkIncoming? Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return From(json.RootElement);
        }
        catch (JsonException) { return null; }
    }

    /// <summary>A Stream frame's data: the same JSON, already text.</summary>
    public static DingTalkIncoming? Parse(string data)
    {
        try
        {
            using var json = JsonDocument.Parse(data);
            return From(json.RootElement);
        }
        catch (JsonException) { return null; }
    }

    private static DingTalkIncoming? From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || JsonFields.Id(root, "msgtype") is not { } type || JsonFields.Id(root, "msgId") is not { } id)
            return null;
        // senderStaffId is the userid that at.atUserIds expects; people outside the organisation only have senderId.
        var user = JsonFields.Id(root, "senderStaffId") ?? JsonFields.Id(root, "senderId");
        if (user is null) return null;
        var text = root.TryGetProperty("text", out var t) ? JsonFields.String(t, "content") : null;
        return new DingTalkIncoming(type, id, user, JsonFields.String(root, "senderNick"), text, JsonFields.String(root, "sessionWebhook"),
            JsonFields.String(root, "conversationType") == "1");
    }
}

/// <summary>
/// The reply to one callback, for its sessionWebhook. The sender comes first among the mentions: the robot writes
/// "@userid" into the text and at.atUserIds, without which DingTalk does not notify (PROTOCOLS.md 2.1).
/// </summary>
public sealed record DingTalkReply(string ChannelId, string MessageId, string SessionWebhook, OutgoingMessage Message)
{
    public const string Title = "工会助手";

    public static OutgoingMessage MessageFor(CommandReply reply, string senderId) =>
        new(Title, reply.Markdown, [senderId, .. reply.Mentions.Where(m => m != senderId).Distinct()]);
}
