using System.Text.Json.Serialization;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>The group robot's message body (PROTOCOLS.md 1.1): exactly one of text / markdown, named by msgtype.</summary>
public sealed record WeComMessage(
    [property: JsonPropertyName("msgtype")] string MsgType,
    [property: JsonPropertyName("text")] WeComText? Text = null,
    [property: JsonPropertyName("markdown")] WeComMarkdown? Markdown = null);

public sealed record WeComText(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("mentioned_list")] IReadOnlyList<string>? MentionedList = null,
    [property: JsonPropertyName("mentioned_mobile_list")] IReadOnlyList<string>? MentionedMobileList = null);

public sealed record WeComMarkdown([property: JsonPropertyName("content")] string Content);
