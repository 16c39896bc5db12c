using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnionBot.Core.Announcements;

/// <summary>
/// The user ids an outbox row mentions, as the JSON array in <c>outbox.mentions</c>. Written for every row the plan sync
/// makes at start: with compile-time metadata, not the reflection serializer (README, "Start-up and memory").
/// </summary>
public static class MentionsJson
{
    public static string Serialize(IReadOnlyList<string> mentions) => JsonSerializer.Serialize(mentions, MentionsJsonContext.Default.IReadOnlyListString);

    public static List<string> Deserialize(string json) => JsonSerializer.Deserialize(json, MentionsJsonContext.Default.ListString) ?? [];
}

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class MentionsJsonContext : JsonSerializerContext;
