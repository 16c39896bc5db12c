using System.Text;
using System.Text.RegularExpressions;

namespace UnionBot.Core.Platforms;

/// <summary>
/// Markdown as a teacher would want to read it in a plain <c>text</c> message (WeCom's text is the only message
/// kind whose mentions notify): headings become 【…】, bullets become •, links keep their address, and the
/// emphasis, quote and colour markup disappear. Backslash-escaped characters stay literal.
/// </summary>
public static partial class PlainText
{
    private const char EscapeBase = '\uE000'; // private-use characters stand in for escaped punctuation while converting

    public static string FromMarkdown(string markdown)
    {
        var text = Escaped().Replace(markdown.Replace("\r\n", "\n"), m => ((char)(EscapeBase + m.Groups[1].Value[0])).ToString());
        var lines = text.Split('\n').Select(ConvertLine);
        var result = new StringBuilder(string.Join('\n', lines));
        for (var i = 0; i < result.Length; i++)
            if (result[i] >= EscapeBase && result[i] < EscapeBase + 128) result[i] = (char)(result[i] - EscapeBase);
        return result.ToString();
    }

    private static string ConvertLine(string line)
    {
        line = Quote().Replace(line, "");
        line = Heading().Replace(line, "【$1】");
        line = Bullet().Replace(line, "$1• ");
        line = Font().Replace(line, "$1");
        line = Mention().Replace(line, "@$1");
        line = Link().Replace(line, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : $"{m.Groups[1].Value} {m.Groups[2].Value}");
        line = Strong().Replace(line, "$2");
        line = Code().Replace(line, "$1");
        return line;
    }

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|~])")] private static partial Regex Escaped();
    [GeneratedRegex(@"^\s{0,3}(?:>\s?)+")] private static partial Regex Quote();
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")] private static partial Regex Heading();
    [GeneratedRegex(@"^(\s*)[-*+]\s+")] private static partial Regex Bullet();
    [GeneratedRegex(@"<font\b[^>]*>(.*?)</font>", RegexOptions.IgnoreCase)] private static partial Regex Font();
    [GeneratedRegex(@"<@([^>\s]+)>")] private static partial Regex Mention();
    [GeneratedRegex(@"\[([^\]]*)\]\(([^)\s]+)\)")] private static partial Regex Link();
    [GeneratedRegex(@"(\*\*|__)(.+?)\1")] private static partial Regex Strong();
    [GeneratedRegex(@"`([^`]+)`")] private static partial Regex Code();
}
