using System.Text.Json.Serialization;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>The custom robot's message body (PROTOCOLS.md 2.1): text or markdown, plus who to notify.</summary>
public sealed record DingTalkMessage(
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] DingTalkText? Text = null,
    [property: JsonPropertyName("markdown")] DingTalkMarkdown? Markdown = null,
    [property: JsonPropertyName("at")] DingTalkAt? At = null);

public sealed record DingTalkText([property: JsonPropertyName("content")] string Content);

/// <summary><paramref name="Title"/> is shown only in the chat list, so the text repeats it as a heading.</summary>
public sealed record DingTalkMarkdown(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text);

/// <summary>A mention notifies only when <c>@userid</c> / <c>@mobile</c> is also written in the text.</summary>
public sealed record DingTalkAt(
    [property: JsonPropertyName("atMobiles")] IReadOnlyList<string> AtMobiles,
    [property: JsonPropertyName("atUserIds")] IReadOnlyList<string> AtUserIds,
    [property: JsonPropertyName("isAtAll")] bool IsAtAll);
