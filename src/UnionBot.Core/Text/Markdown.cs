using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UnionBot.Core.Text;

/// <summary>The one place where text written by people (plan lines, commands) is made safe for the bot's markdown.</summary>
public static partial class Markdown
{
    /// <summary>
    /// Makes text inert in WeCom and DingTalk markdown: no heading, link, image, bold, code, quote or mention can be
    /// forged (<c>***建设</c> in a plan, <c>[点我](…)</c> or <c>@all</c> in a command). The two renderers do not honour the
    /// same backslash escapes (DingTalk shows the backslash), so each syntax character becomes its full-width twin,
    /// which reads the same on a phone and renders as text. Line breaks are kept; other control characters become spaces.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '#' => '＃', '*' => '＊', '_' => '＿', '`' => '｀', '[' => '［', ']' => '］',
                '<' => '＜', '>' => '＞', '@' => '＠', '|' => '｜', '~' => '～', '\\' => '＼',
                '\n' => '\n',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// Escaped, trimmed and on one line: for names and titles inside a sentence or a list item. A leading <c>-</c>,
    /// <c>+</c> or <c>1.</c> would start a list of its own, so it becomes full-width too.
    /// </summary>
    public static string Inline(string text) => NeutralizeListMarker(Escape(text.ReplaceLineEndings(" ")).Trim());

    /// <summary>Escaped, each line kept as its own line in the rendered message (markdown would join them).</summary>
    public static string Block(string text) =>
        string.Join("  \n", Escape(text.ReplaceLineEndings("\n")).Split('\n').Select(NeutralizeListMarker));

    public static string Date(DateOnly date) => date.ToString("M月d日", CultureInfo.InvariantCulture);

    private static string NeutralizeListMarker(string line)
    {
        if (line.Length > 0 && line[0] is '-' or '+')
            return (line[0] == '-' ? '－' : '＋') + line[1..];
        var numbered = LeadingListNumber().Match(line);
        return numbered.Success
            ? numbered.Groups[1].Value + (numbered.Groups[2].Value == "." ? "．" : "）") + line[numbered.Length..]
            : line;
    }

    [GeneratedRegex(@"^([0-9]+)([.)])(?=\s|$)")]
    private static partial Regex LeadingListNumber();
}
