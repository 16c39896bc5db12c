using System.Globalization;

namespace UnionBot.Core.Commands;

/// <summary>Times are stored as ISO-8601 text with the offset of the configured zone (readable in the database).</summary>
internal static class IsoTime
{
    public static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
