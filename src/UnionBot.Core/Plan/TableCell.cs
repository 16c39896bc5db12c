namespace UnionBot.Core.Plan;

/// <summary>The cells of one line of a table copied as text, and the activities one cell holds.</summary>
internal static class TableCell
{
    private const string Opening = "“(《「【[";
    private const string Closing = "”)》」】]";

    /// <summary>
    /// A line's cells between "|" or tabs; a markdown row's outer bars and a cell-end bar do not open an empty cell.
    /// A line with neither is one cell.
    /// </summary>
    public static List<string> Split(ReadOnlySpan<char> text)
    {
        var line = text.Trim().ToString();
        var separator = line.Contains('|') ? '|' : line.Contains('\t') ? '\t' : '\0';
        if (separator == '\0') return [line];
        var parts = line.Split(separator).Select(p => p.Trim()).ToList();
        if (separator == '|' && line.StartsWith('|')) parts.RemoveAt(0);
        if (separator == '|' && line.EndsWith('|') && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    /// <summary>|---|:--:| under a markdown header.</summary>
    public static bool IsRule(ReadOnlySpan<char> text)
    {
        var any = false;
        foreach (var c in text)
        {
            if (c is '-' or '—' or '–') any = true;
            else if (c is not ('|' or ':' or ' ' or '+' or '=')) return false;
        }
        return any;
    }

    /// <summary>
    /// The activities in one activity cell: a cell listing several puts spaces or semicolons between them ("元宵节 登塔比赛
    /// 第一季度旅游", "羽毛球赛；端午节慰问"). A space inside quotes or brackets, or next to a Latin word, is part of the text, and a part that
    /// is only a quoted slogan ("“童心飞扬” 教工子女才艺表演") is the theme of the activity after it.
    /// </summary>
    public static IEnumerable<string> Activities(string cell)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            var c = PlanChars.Normalize(cell[i]);
            if (Opening.Contains(c)) depth++;
            else if (Closing.Contains(c)) depth = Math.Max(0, depth - 1);
            else if (depth == 0 && (c == ';' || c == ' ' && i > start && IsWide(cell[i - 1]) && NextWide(cell, i)))
            {
                Add(cell[start..i]);
                start = i + 1;
            }
        }
        Add(cell[start..]);
        return parts;

        void Add(string part)
        {
            var t = part.Trim().Trim('\u3000');
            // "1.三八节女教工活动 2.植树节义务植树": the cell's own numbering is not part of the activity ("3.8妇女节" is a date).
            if (ItemMarker.TryRead(PlanChars.Normalize(t), 0, out var marker) && !marker.IsBareDigit && marker.TextStart < t.Length)
                t = t[marker.TextStart..].Trim().Trim('\u3000');
            if (t.Length == 0) return;
            if (parts.Count > 0 && IsQuotation(parts[^1])) parts[^1] += " " + t;
            else parts.Add(t);
        }
    }

    private static bool IsQuotation(string s)
    {
        var n = PlanChars.Normalize(s);
        return n.Length >= 2 && Opening.Contains(n[0]) && Closing.Contains(n[^1]);
    }

    private static bool NextWide(string s, int i)
    {
        while (i < s.Length && PlanChars.Normalize(s[i]) == ' ') i++;
        return i < s.Length && IsWide(s[i]);
    }

    /// <summary>A Chinese character, digit-led dates excepted: a Latin word keeps its spaces ("卡拉 OK").</summary>
    private static bool IsWide(char c) => c >= '\u2E80' || char.IsAsciiDigit(c) || Opening.Contains(PlanChars.Normalize(c));
}
