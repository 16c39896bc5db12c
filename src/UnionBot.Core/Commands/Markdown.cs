using System.Globalization;
using System.Text;

namespace UnionBot.Core.Commands;

/// <summary>Helpers for the markdown the bot sends.</summary>
public static class Markdown
{
    /// <summary>
    /// Makes user text inert in WeCom and DingTalk markdown: no heading, link, image, bold, code, quote or mention
    /// can be forged. The two renderers do not honour the same backslash escapes (DingTalk shows the backslash),
    /// so each control character becomes its full-width twin, which reads the same on a phone and renders as text.
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
                '\r' => ' ',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Escaped and on one line: for names and titles inside a sentence.</summary>
    public static string Inline(string text) => Escape(text.ReplaceLineEndings(" "));

    /// <summary>Escaped, each line kept as its own line in the rendered message (markdown would join them).</summary>
    public static string Block(string text) => string.Join("  \n", Escape(text).ReplaceLineEndings("\n").Split('\n'));

    public static string Date(DateOnly date) => date.ToString("M月d日", CultureInfo.InvariantCulture);
}
