using System.Globalization;

namespace UnionBot.Core.Storage;

/// <summary>
/// The one way an instant is stored: fixed-width ISO-8601 UTC text, so that comparing the text in SQL compares the
/// instants. Reading also accepts an offset (rows written with the zone's offset by earlier versions).
/// </summary>
public static class StoredTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
