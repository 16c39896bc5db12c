using System.Text.Json;
using System.Text.Json.Serialization;
using UnionBot.Core.Commands;

namespace UnionBot.Callbacks;

/// <summary>The fields of a robot callback body UnionBot needs; unknown fields are ignored.</summary>
public sealed record DingTalkMessage(string MsgType, string MsgId, string UserId, string? SenderNick, string? Text, string? SessionWebhook)
{
    public static DingTalkMessage? Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "msgtype") is not { } type || Str(root, "msgId") is not { } id)
                return null;
            // senderStaffId is the userid that at.atUserIds expects; people outside the organisation only have senderId.
            var user = Str(root, "senderStaffId") ?? Str(root, "senderId");
            if (user is null) return null;
            var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.Object ? Str(t, "content") : null;
            return new DingTalkMessage(type, id, user, Str(root, "senderNick"), text, Str(root, "sessionWebhook"));
        }
        catch (JsonException) { return null; }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}

/// <summary>A markdown robot message for a sessionWebhook (PROTOCOLS.md 2.1 shapes).</summary>
public sealed record SessionMessage(
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("markdown")] SessionMarkdown Markdown,
    [property: JsonPropertyName("at")] SessionAt At)
{
    public const string Title = "工会助手";

    /// <summary>Mentions the sender and everyone the reply names: DingTalk only notifies when "@userid" is also in the text.</summary>
    public static SessionMessage For(CommandReply reply, string senderId)
    {
        var others = reply.Mentions.Where(m => m != senderId).Distinct().ToList();
        var text = $"@{senderId} {reply.Markdown}";
        if (others.Count > 0) text += "\n\n" + string.Join(" ", others.Select(m => "@" + m));
        return new SessionMessage("markdown", new SessionMarkdown(Title, Utf8Text.Truncate(text, 19000)),
            new SessionAt([senderId, .. others], false));
    }
}

public sealed record SessionMarkdown(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);

public sealed record SessionAt(
    [property: JsonPropertyName("atUserIds")] IReadOnlyList<string> AtUserIds,
    [property: JsonPropertyName("isAtAll")] bool IsAtAll);

public sealed record DingTalkReply(string ChannelId, string MessageId, string SessionWebhook, SessionMessage Message);
