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
    /// Every message's claim and every sign-up format an instant on the single writer's thread, where the general
    /// formatter (reading the pattern each time) was the largest piece of .NET's own code. The round-trip format has a
    /// fast path of its own: yyyy-MM-ddTHH:mm:ss.fffffffZ, cut here to the milliseconds (as "fff" cuts, not rounds).
    /// </remarks>
    public static string Format(DateTimeOffset at) => string.Create(24, at.UtcDateTime, static (text, utc) =>
    {
        Span<char> roundTrip = stackalloc char[28];
        utc.TryFormat(roundTrip, out _, "O", CultureInfo.InvariantCulture);
        roundTrip[..23].CopyTo(text);
        text[23] = 'Z';
    });

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
