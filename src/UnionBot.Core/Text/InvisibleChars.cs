using System.Globalization;
using System.Text;

namespace UnionBot.Core.Text;

/// <summary>
/// Format characters (Unicode category Cf: zero-width space U+200B, non-joiner U+200C, joiner U+200D, word joiner
/// U+2060, BOM U+FEFF, soft hyphen U+00AD, direction marks and overrides) show nothing, yet arrive pasted from Word,
/// web pages and chat apps. A name or a command word with one inside reads the same to a teacher, so it must match
/// the same.
/// </summary>
public static class InvisibleChars
{
    private const char ZeroWidthJoiner = '\u200D';

    public static bool Is(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>
    /// The text without them, except a zero-width joiner inside an emoji sequence (👨‍🍳 is three characters joined),
    /// which belongs to what the person wrote.
    /// </summary>
    public static string Strip(string text)
    {
        if (!text.Any(Is)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var inEmoji = c == ZeroWidthJoiner && i > 0 && (char.IsLowSurrogate(text[i - 1]) || text[i - 1] == '\uFE0F');
            if (!Is(c) || inEmoji) sb.Append(c);
        }
        return sb.ToString();
    }
}
