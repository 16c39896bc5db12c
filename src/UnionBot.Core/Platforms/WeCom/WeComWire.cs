using System.Text.Json;
using System.Text.Json.Serialization;
using UnionBot.Core.Text;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>The fields of a decrypted AI-bot callback UnionBot needs; unknown fields and types are ignored.</summary>
/// <param name="IsPrivate">chattype "single": a one-to-one chat with the bot (PROTOCOLS.md 1.2), not a group.</param>
public sealed record WeComIncoming(string MsgType, string MsgId, string UserId, string? Text, bool IsPrivate = false)
{
    /// <summary>Null when the plaintext is not the JSON object WeCom sends.</summary>
    public static WeComIncoming? Parse(string plaintext)
    {
        try
        {
            using var json = JsonDocument.Parse(plaintext);
            return Read(json.RootElement);
        }
        catch (JsonException) { return null; }
    }

    /// <summary><see cref="Parse(string)"/> of the decrypted bytes themselves, which JSON is read from without a string of them.</summary>
    public static WeComIncoming? Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var json = JsonDocument.Parse(utf8);
            return Read(json.RootElement);
        }
        catch (JsonException) { return null; }
    }

    /// <exception cref="JsonException">A field spells an invalid surrogate.</exception>
    private static WeComIncoming? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || JsonFields.Id(root, "msgtype") is not { } type) return null;
        if (type != "text") return new WeComIncoming(type, JsonFields.Id(root, "msgid") ?? "", "", null);
        if (JsonFields.Id(root, "msgid") is not { } id) return null;
        if (!root.TryGetProperty("from", out var from) || JsonFields.Id(from, "userid") is not { } user) return null;
        var text = root.TryGetProperty("text", out var t) ? JsonFields.String(t, "content") : null;
        return new WeComIncoming(type, id, user, text, JsonFields.String(root, "chattype") == "single");
    }
}

/// <summary>
/// The passive reply's two JSON documents, written by compiled serializers with the relaxed escaping ASP.NET Core's
/// JSON results use: <see cref="StreamMessage"/> inside the encryption keeps Chinese as UTF-8, and the callback's body
/// <see cref="EncryptedReply"/> is byte for byte what <c>Results.Json</c> wrote for it by reflection.
/// </summary>
[JsonSerializable(typeof(StreamMessage))]
[JsonSerializable(typeof(EncryptedReply))]
internal sealed partial class WeComReplyJson : JsonSerializerContext
{
    public static readonly WeComReplyJson Relaxed = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

public sealed record EncryptedReply(
    [property: JsonPropertyName("encrypt")] string Encrypt,
    [property: JsonPropertyName("msgsignature")] string MsgSignature,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("nonce")] string Nonce);

public sealed record StreamMessage(
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("stream")] StreamBody Stream);

public sealed record StreamBody(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("finish")] bool Finish,
    [property: JsonPropertyName("content")] string Content)
{
    /// <summary>The largest stream content WeCom accepts, in UTF-8 bytes.</summary>
    public const int MaxContentBytes = 20480;

    /// <summary>
    /// A command reply as stream content, for the HTTP callback and the long connection alike: the answer goes to the
    /// sender's thread, other people to notify are mentioned the documented way (<c>&lt;@userid&gt;</c>), cut to fit.
    /// </summary>
    public static string ContentOf(Core.Commands.CommandReply reply)
    {
        var markdown = reply.Markdown;
        var mentions = Core.Platforms.MentionTargets.From(reply.Mentions).UserIds;
        if (mentions.Count > 0) markdown += "\n" + string.Join(" ", mentions.Select(m => $"<@{m}>"));
        return Utf8Text.Truncate(markdown, MaxContentBytes);
    }
}
