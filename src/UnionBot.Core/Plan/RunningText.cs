using UnionBot.Core.Calendar;

namespace UnionBot.Core.Plan;

/// <summary>
/// A month's activities written as running text rather than a numbered list: "召开教代会,联欢会,送温暖慰问" or
/// "扫墓、春游活动". People separate the activities of such a line with commas, semicolons or full stops, and with
/// 、 — but 、 also joins the people or things of a single activity ("在职教工、退休教工送清凉活动"), so a part only
/// stands alone when it names an activity of its own (<see cref="ActivityWords.NamesActivity"/>).
/// </summary>
internal static class RunningText
{
    private const string Breaks = ",;。";

    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        foreach (var clause in Merged(Pieces(text, Breaks, gaps: true)))
            parts.AddRange(Merged(Pieces(clause, "、")));
        return parts.Count > 0 ? parts : [text];
    }

    /// <summary>A part without an activity word of its own belongs to the part before it.</summary>
    private static List<string> Merged(List<(string Text, char Sep)> pieces)
    {
        var merged = new List<(string Text, char Sep)>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0 && (!StandsAlone(piece.Text) || !StandsAlone(merged[^1].Text) || IsAgenda(merged[^1].Text, piece.Text)))
                merged[^1] = (merged[^1].Text + merged[^1].Sep + piece.Text, piece.Sep);
            else merged.Add(piece);
        }
        return merged.Select(m => m.Text).ToList();
    }

    /// <summary>
    /// A part that names an activity; a festival's bare name (国庆、中秋联欢会, 春节、元旦慰问) is what the activity after
    /// it celebrates, not one of its own.
    /// </summary>
    private static bool StandsAlone(string part) =>
        ActivityWords.NamesActivity(part) && !(part.Trim(Quotes).Length <= MaxFestivalName && FestivalRecognizer.Recognize(part) is not null);

    private const int MaxFestivalName = 3;
    private static readonly char[] Quotes = ['“', '”', '"', '\'', '‘', '’', '「', '」'];

    /// <summary>"召开工会委员会议，通过工作计划": what a meeting does (通过, 审议, 讨论 …) is part of the meeting item.</summary>
    private static bool IsAgenda(string before, string part)
    {
        var norm = PlanChars.Normalize(part);
        return PlanChars.Normalize(before).Contains('会') && AgendaVerbs.Any(v => norm.StartsWith(v, StringComparison.Ordinal));
    }

    private static readonly string[] AgendaVerbs = ["通过", "审议", "讨论", "表决", "听取", "审定", "研究", "部署", "选举产生", "传达"];

    /// <summary>The text cut at the separators outside quotes and brackets, each piece trimmed, with the separator after it.</summary>
    /// <param name="gaps">
    /// A wide gap cuts too — two spaces or more, or an ideographic space, between two words: "3月  植树节活动  学雷锋志愿服务"
    /// lays its activities out the way a table's cell does with single spaces. Its separator is one space.
    /// </param>
    public static List<(string Text, char Sep)> Pieces(string text, string separators, bool gaps = false)
    {
        var pieces = new List<(string, char)>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = PlanChars.Normalize(text[i]);
            if (c is '“' or '(' or '《' or '「' or '【' or '[') depth++;
            else if (c is '”' or ')' or '》' or '」' or '】' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && separators.Contains(c))
            {
                Add(text[start..i], text[i]);
                start = i + 1;
            }
            else if (depth == 0 && gaps && Gap(text, i) is var gapEnd and > 0 && text[start..i].Trim().Length > 0 && gapEnd < text.Length)
            {
                Add(text[start..i], ' ');
                start = gapEnd;
                i = gapEnd - 1;
            }
        }
        Add(text[start..], '\0');
        return pieces;

        // Where the gap that starts at i ends, or 0 when there is none there.
        static int Gap(string text, int i)
        {
            var end = i;
            var ideographic = false;
            while (end < text.Length && text[end] is ' ' or '\u3000')
            {
                ideographic |= text[end] == '\u3000';
                end++;
            }
            return end - i >= 2 || ideographic ? end : 0;
        }

        void Add(string piece, char sep)
        {
            var t = piece.Trim().Trim('\u3000');
            if (t.Length > 0) pieces.Add((t, sep));
            else if (pieces.Count > 0) pieces[^1] = (pieces[^1].Item1, sep);
        }
    }
}
