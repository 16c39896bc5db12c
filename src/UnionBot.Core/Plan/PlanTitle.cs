using System.Text.RegularExpressions;

namespace UnionBot.Core.Plan;

/// <summary>The plan's title and the year it states (2023年学校工会工作计划书 → 2023, …2022年度工作计划 → 2022).</summary>
internal static partial class PlanTitle
{
    private const int MaxTitleLength = 60;
    private const int LinesLooked = 5;

    /// <summary>
    /// Web copies often open with a long run-in line before the real title, so the title is the first of the first
    /// few lines that is short and names a plan; failing that, the first line, cut.
    /// </summary>
    public static string? Find(IReadOnlyList<PlanLine> lines)
    {
        var candidates = lines.Where(l => !l.IsBlank).Take(LinesLooked).ToList();
        if (candidates.Count == 0) return null;
        foreach (var line in candidates)
        {
            var text = line.Cut(line.Start);
            if (text.Length <= MaxTitleLength && PlanChars.Normalize(text).Contains("计划")) return text;
        }
        var first = candidates[0].Cut(candidates[0].Start);
        return first.Length <= MaxTitleLength ? first : first[..MaxTitleLength];
    }

    public static int? Year(string? title)
    {
        if (title is null) return null;
        var norm = PlanChars.Normalize(title);
        var m = ArabicYear().Match(norm);
        if (m.Success) return int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        m = ChineseYear().Match(norm);
        if (!m.Success) return null;
        var year = 0;
        foreach (var c in m.Groups[1].ValueSpan) year = year * 10 + Math.Max(0, PlanChars.Digit(c));
        return year is >= 1900 and <= 2099 ? year : null;
    }

    // 2023年, 2022年度, 2023学年, 2023-2024学年 (the first year: the plan starts in it).
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(?!\d)\s*(?:年|学年|[-—–~至]\s*(?:(?:19|20)?\d{2})\s*学?年)")]
    private static partial Regex ArabicYear();

    // 二〇一六年; the zero is also typed as ○ (a circle) or the letter O.
    [GeneratedRegex("([〇○O零一二三四五六七八九]{4})年")]
    private static partial Regex ChineseYear();
}
