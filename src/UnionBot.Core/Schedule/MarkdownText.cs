using System.Text;
using System.Text.RegularExpressions;

namespace UnionBot.Core.Schedule;

/// <summary>Makes plan text safe to put inside our markdown messages.</summary>
public static partial class MarkdownText
{
    /// <summary>
    /// Plan text is written by people, so <c>***建设</c> or <c>[通知](…)</c> in it must show as written, not become bold
    /// text or a link. Backslash escapes are not honoured by every WeCom/DingTalk client, so the markdown characters are
    /// replaced by their full-width forms, which read the same in Chinese text and are never syntax. A line break would
    /// let one item start a new paragraph or heading, so it becomes a space; a leading <c>-</c>, <c>+</c> or <c>1.</c>
    /// would nest a list inside our numbered item.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '*' => '＊',
                '#' => '＃',
                '[' => '［',
                ']' => '］',
                '<' => '＜',
                '>' => '＞',
                '`' => '｀',
                '_' => '＿',
                '\r' or '\n' or '\t' => ' ',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }
        var escaped = sb.ToString().Trim();
        if (escaped.Length > 0 && escaped[0] is '-' or '+')
            escaped = (escaped[0] == '-' ? '－' : '＋') + escaped[1..];
        var numbered = LeadingListNumber().Match(escaped);
        if (numbered.Success)
            escaped = numbered.Groups[1].Value + (numbered.Groups[2].Value == "." ? "．" : "）") + escaped[numbered.Length..];
        return escaped;
    }

    [GeneratedRegex(@"^([0-9]+)([.)])(?=\s|$)")]
    private static partial Regex LeadingListNumber();
}
