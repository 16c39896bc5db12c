using System.Text.Json;

namespace UnionBot.Core.Platforms;

/// <summary>
/// Reads the string fields of a platform body. JSON may spell a lone UTF-16 surrogate (<c>"\ud800"</c>), which no
/// .NET string can hold as text: <see cref="JsonElement.GetString"/> then throws InvalidOperationException, not the
/// JsonException the parsers turn into "malformed". Here it becomes a JsonException, so such a body is refused as
/// malformed (a 4xx and one log line) wherever it comes from, never a 500.
/// </summary>
public static class JsonFields
{
    /// <summary>The field as a non-empty string, or null when it is missing, empty or not a string.</summary>
    public static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String &&
        Text(v) is { Length: > 0 } s ? s : null;

    /// <summary>
    /// An identifier (message id, user id, message type): a non-empty string of at most <paramref name="maxLength"/>
    /// characters with no space, control or invisible character. The platforms' ids are short and plain; anything else
    /// is a forged body, refused before the id reaches the database, a log line or a mention.
    /// </summary>
    public static string? Id(JsonElement e, string name, int maxLength = 128) => AsId(String(e, name), maxLength);

    /// <summary><paramref name="value"/> when it is an identifier as <see cref="Id"/> means it, null otherwise.</summary>
    public static string? AsId(string? value, int maxLength = 128) =>
        value is { Length: > 0 } s && s.Length <= maxLength && s.All(IsIdChar) ? s : null;

    private static bool IsIdChar(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && !char.IsSurrogate(c) &&
        char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.OtherNotAssigned);

    /// <exception cref="JsonException">The string spells an invalid surrogate.</exception>
    public static string Text(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException e) when (value.ValueKind == JsonValueKind.String)
        {
            throw new JsonException("a string holds an invalid UTF-16 surrogate", e);
        }
    }
}
