using System.Globalization;
using System.Text;

namespace UnionBot.Core.Text;

/// <summary>
/// The one place where text that came with a request (a channel id from the URL, a msgid, a user id, a message type)
/// is made fit for a log line. A line break or a control character would let the sender write a line of their own
/// ("wecom-all\ninfo: …"); bidi overrides would reorder what an admin reads; a 10 000-character id would bury the
/// log. So every character that is not plainly visible becomes a \uXXXX escape and the text is cut to a length.
/// </summary>
public static class LogText
{
    public const int MaxLength = 80;

    public static string Of(string? value, int maxLength = MaxLength)
    {
        if (value is null) return "(none)";
        var sb = new StringBuilder(Math.Min(value.Length, maxLength) + 8);
        var i = 0;
        for (; i < value.Length && sb.Length < maxLength; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
                continue;
            }
            if (IsPlain(c)) sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return i < value.Length ? sb.Append($"…({value.Length} chars)").ToString() : sb.ToString();
    }

    // '\\' is escaped too, so that a literal "\u000A" typed by the sender cannot pass for an escaped line break.
    private static bool IsPlain(char c) => c != '\\' && char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
