using System.Text.Json;

namespace UnionBot.Tests.Support.Fakes;

/// <summary>Strict reading of a robot body, the way the platforms read it: wrong types are errors, not defaults.</summary>
internal static class FakeJson
{
    public static JsonElement? Object(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string property, "" when absent, null when present with another type.</summary>
    public static string? String(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? ""
        : value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The array of strings, empty when absent, null when present with another shape.</summary>
    public static IReadOnlyList<string>? Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) return null;
        var items = value.EnumerateArray().ToList();
        return items.All(i => i.ValueKind == JsonValueKind.String) ? items.Select(i => i.GetString()!).ToList() : null;
    }

    public static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;
}
