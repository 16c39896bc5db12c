using System.Globalization;

namespace UnionBot.Core.Storage;

/// <summary>
/// The one way an instant is stored: fixed-width ISO-8601 UTC text, so that comparing the text in SQL compares the
/// instants. Reading also accepts an offset (rows written with the zone's offset by earlier versions).
/// </summary>
public static class StoredTime
{
    /// <summary>yyyy-MM-dd'T'HH:mm:ss.fff'Z': the text every stored instant has.</summary>
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The instant as <see cref="Pattern"/> text.</summary>
    /// <remarks>
    /// Written digit by digit: every message's claim and every sign-up format an instant on the single writer's thread,
    /// where the general formatter (parsing the pattern each time) was the largest piece of .NET's own code.
    /// </remarks>
    public static string Format(DateTimeOffset at) => string.Create(24, at.UtcDateTime, static (text, t) =>
    {
        Digits(text[..4], t.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), t.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), t.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), t.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), t.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), t.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), t.Millisecond);
        text[23] = 'Z';
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10) text[i] = (char)('0' + value % 10);
    }

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
