using System.Globalization;

namespace UnionBot.Core.Platforms;

/// <summary>
/// Both platforms stamp their callbacks (WeCom in seconds in the query, DingTalk in milliseconds in a header), and a
/// stamp more than an hour from now is refused (PROTOCOLS.md 1.2, 2.2): a captured request cannot be replayed
/// later than that, even after its message id was forgotten. One rule for every callback, URL verification included.
/// </summary>
public static class CallbackWindow
{
    public static readonly TimeSpan Width = TimeSpan.FromHours(1);

    public static bool ContainsUnixSeconds(string? seconds, DateTimeOffset now) =>
        TryParse(seconds, out var s) && s <= long.MaxValue / 1000 && Contains(s * 1000, now);

    public static bool ContainsUnixMilliseconds(string? milliseconds, DateTimeOffset now) =>
        TryParse(milliseconds, out var ms) && Contains(ms, now);

    private static bool TryParse(string? value, out long number) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool Contains(long unixMs, DateTimeOffset now) =>
        Math.Abs(now.ToUnixTimeMilliseconds() - (double)unixMs) <= Width.TotalMilliseconds;
}
