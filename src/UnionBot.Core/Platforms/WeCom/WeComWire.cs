using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Globalization;
using System.Text.Encodings.Web;
using UnionBot.Core.Text;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>The fields of a decrypted AI-bot callback UnionBot needs; unknown fields and types are ignored.</summary>
/// <param name="IsPrivate">chattype "single": a one-to-one chat with the bot (PROTOCOLS.md 1.2), not a group.</param>
public sealed record WeComIncoming(string MsgType, string MsgId, string UserId, string? Text, bool IsPrivate = false)
{
    /// <summary>Null when the plaintext is not the JSON object WeCom sends.</summary>
    public static WeComIncoming? Parse(string plaintext)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(plaintext.Length));
        try { return Parse(utf8.AsSpan(0, Encoding.UTF8.GetBytes(plaintext, utf8))); }
        finally { ArrayPool<byte>.Shared.Return(utf8, clearArray: true); } // a teacher's message stays in no pooled buffer
    }

    /// <summary>
    /// <see cref="Parse(string)"/> of the decrypted UTF-8 itself, read in one pass with <see cref="Utf8JsonReader"/>
    /// (a <see cref="JsonDocument"/> and a copy of the bytes were garbage on every callback). Only the fields needed are
    /// turned into strings; a field given twice counts as its last, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
    /// reads it; the whole message must be JSON, and a field that spells an invalid surrogate makes it malformed.
    /// </summary>
    public static WeComIncoming? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                while (reader.Read()) { } // the rest must still be JSON
                return null;
            }
            // Each field kept as a reader standing on its value (the last occurrence), read once the whole body is known
            // good; a field never seen stays a default reader, which stands on nothing.
            Utf8JsonReader type = default, id = default, from = default, text = default, chat = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("msgtype"u8) ? 1 : reader.ValueTextEquals("msgid"u8) ? 2
                    : reader.ValueTextEquals("from"u8) ? 3 : reader.ValueTextEquals("text"u8) ? 4
                    : reader.ValueTextEquals("chattype"u8) ? 5 : 0;
                reader.Read();
                switch (field)
                {
                    case 1: type = reader; break;
                    case 2: id = reader; break;
                    case 3: from = reader; break;
                    case 4: text = reader; break;
                    case 5: chat = reader; break;
                }
                reader.Skip();
            }
            while (reader.Read()) { } // nothing may follow the object but whitespace

            if (JsonFields.AsId(StringAt(type)) is not { } msgType) return null;
            var msgId = JsonFields.AsId(StringAt(id));
            if (msgType != "text") return new WeComIncoming(msgType, msgId ?? "", "", null);
            if (msgId is null) return null;
            if (JsonFields.AsId(Member(from, "userid"u8)) is not { } user) return null;
            return new WeComIncoming(msgType, msgId, user, Member(text, "content"u8), StringAt(chat) == "single");
        }
        catch (JsonException) { return null; }
        catch (InvalidOperationException) { return null; } // GetString of an escaped lone surrogate
    }

    /// <summary>The non-empty string the reader stands on, if it stands on one.</summary>
    private static string? StringAt(Utf8JsonReader value) =>
        value.TokenType == JsonTokenType.String && value.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>The last <paramref name="name"/> of the object the reader stands on, as <see cref="StringAt"/> reads it.</summary>
    private static string? Member(Utf8JsonReader value, ReadOnlySpan<byte> name)
    {
        if (value.TokenType != JsonTokenType.StartObject) return null;
        Utf8JsonReader found = default;
        while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
        {
            var match = value.ValueTextEquals(name);
            value.Read();
            if (match) found = value;
            value.Skip();
        }
        return StringAt(found);
    }
}

/// <summary>
/// The callback's body, <c>{"encrypt":"…"}</c>, read without a document or a string of the ciphertext: it goes to the
/// signature check and the decryption as characters in a pooled buffer.
/// </summary>
internal static class WeComEnvelope
{
    /// <summary>
    /// The <c>encrypt</c> field of a JSON object; null when the body is not JSON, not an object, or has no non-empty
    /// string there. The whole body is read, so a malformed tail is refused as before; a repeated field counts as
    /// its last (as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> reads it).
    /// </summary>
    public static PooledChars? Encrypt(ReadOnlySpan<byte> body)
    {
        char[]? chars = null;
        var length = 0;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                while (reader.Read()) { } // a body that is no JSON at all is refused alike
                return null;
            }
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("encrypt"u8)) continue;
                reader.Read();
                if (chars is not null) ArrayPool<char>.Shared.Return(chars);
                (chars, length) = (null, 0);
                if (reader.TokenType != JsonTokenType.String) continue;
                // Unescaped, a string has no more characters than its JSON has bytes.
                chars = ArrayPool<char>.Shared.Rent(Math.Max(reader.ValueSpan.Length, 1));
                length = reader.CopyString(chars); // throws for an escaped lone surrogate
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            length = 0;
        }
        if (length > 0) return new PooledChars(chars!, length);
        if (chars is not null) ArrayPool<char>.Shared.Return(chars);
        return null;
    }
}

/// <summary>
/// The passive reply (PROTOCOLS.md 1.2): the stream message <c>{"msgtype":"stream","stream":{"id","finish","content"}}</c>
/// encrypted into <c>{"encrypt","msgsignature","timestamp","nonce"}</c>, both written with the relaxed escaping of
/// ASP.NET Core's JSON results (Chinese stays UTF-8; Base64's '+' and '/' stay as they are).
/// </summary>
/// <remarks>
/// Written by hand with one <see cref="Utf8JsonWriter"/> per thread into one buffer per thread, rather than by the
/// serializer: a source-generated context with a custom encoder serializes through its slow path (a stack of frames
/// per call), and the two records, the Base64 string, the signature and the timestamp were each garbage on every
/// callback. The buffer is zeroed after each use: no reply text stays behind in it.
/// </remarks>
internal static class WeComPassiveReply
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_json;

    /// <summary>The reply's body (UTF-8 JSON) carrying <paramref name="content"/>, signed with <paramref name="nonce"/> and <paramref name="now"/>.</summary>
    public static byte[] Write(WeComCrypto crypto, string content, string nonce, DateTimeOffset now)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = t_json ??= new Utf8JsonWriter(buffer, Relaxed);
        try
        {
            // The stream id only has to be new: 32 random hex digits, the shape of the Guid it was.
            Span<byte> random = stackalloc byte[16];
            RandomBytes.Fill(random);
            Span<char> id = stackalloc char[32];
            Convert.TryToHexStringLower(random, id, out _);
            json.WriteStartObject();
            json.WriteString("msgtype"u8, "stream"u8);
            json.WriteStartObject("stream"u8);
            json.WriteString("id"u8, id);
            json.WriteBoolean("finish"u8, true);
            json.WriteString("content"u8, content);
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            using var encrypt = crypto.EncryptToBase64(buffer.WrittenSpan);
            buffer.Clear();
            json.Reset();

            Span<char> timestamp = stackalloc char[20];
            now.ToUnixTimeSeconds().TryFormat(timestamp, out var digits, provider: CultureInfo.InvariantCulture);
            Span<char> signature = stackalloc char[40];
            crypto.Sign(timestamp[..digits], nonce, encrypt.Span, signature);
            json.WriteStartObject();
            json.WriteString("encrypt"u8, encrypt.Span);
            json.WriteString("msgsignature"u8, signature);
            json.WriteString("timestamp"u8, timestamp[..digits]);
            json.WriteString("nonce"u8, nonce);
            json.WriteEndObject();
            json.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Clear();
            json.Reset();
        }
    }
}

/// <summary>A command reply as the content of a stream message.</summary>
public static class StreamBody
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
