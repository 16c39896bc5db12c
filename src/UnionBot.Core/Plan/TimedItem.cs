using System.Text.RegularExpressions;

namespace UnionBot.Core.Plan;

/// <summary>
/// An activity written as a short heading with its time on the next line, the way a plan lays out each activity of
/// a section ("（一）“三八”妇女节女教职工健步走" then "时间：3月8日", "地点：…"): where no month heading is over it, the
/// time line dates the activity, as "2、2009年3月:毽球赛" is dated by its own opening date.
/// </summary>
internal static partial class TimedItem
{
    /// <summary>Longer than this, a line is a sentence of the plan, not an activity's heading.</summary>
    private const int MaxHeading = 40;

    /// <summary>
    /// Whether line <paramref name="index"/> is such an activity: a short line that is not itself a note, followed by its
    /// time (时间： or 活动时间：) whose value opens with a date.
    /// </summary>
    /// <param name="months">The months of the date.</param>
    /// <param name="textStart">Where the activity's text starts on its line (after its number or "活动一：").</param>
    /// <param name="marker">Its number, when it has one ("活动一：" is not one).</param>
    public static bool At(IReadOnlyList<PlanLine> lines, int index, out List<int> months, out int textStart, out ItemMarker? marker)
    {
        months = [];
        textStart = 0;
        marker = null;
        var line = lines[index];
        if (line.IsBlank || line.Text.Length > MaxHeading) return false;
        var next = index + 1;
        while (next < lines.Count && lines[next].IsBlank) next++;
        // Every line of a plan is asked this: the next line is looked at before anything costlier.
        if (next >= lines.Count || TimeValue(lines[next]) is not { } value || ScheduleEnd.IsNote(line.Text)) return false;
        var cut = value.IndexOfAny([' ', '(', ',', ';', '。', '，']);
        if (!MonthHeading.TryReadDate(cut > 0 ? value[..cut] : value, out months)) return false;
        textStart = line.Start;
        if (ItemMarker.TryRead(line.Norm, line.Start, out var numbered) && !numbered.IsBareDigit) (textStart, marker) = (numbered.TextStart, numbered);
        else if (Numbered().Match(line.Norm, line.Start) is { Success: true } named && named.Index == line.Start) textStart = named.Index + named.Length;
        return textStart < line.Norm.Length;
    }

    /// <summary>What follows 时间： or 活动时间： opening the line, or null.</summary>
    private static string? TimeValue(PlanLine line)
    {
        var s = line.Norm;
        var p = line.Start;
        if (string.CompareOrdinal(s, p, "活动", 0, 2) == 0) p += 2;
        if (string.CompareOrdinal(s, p, "时间", 0, 2) != 0) return null;
        p += 2;
        while (p < s.Length && s[p] == ' ') p++;
        return p < s.Length && s[p] == ':' ? s[(p + 1)..].Trim() : null;
    }

    /// <summary>活动一： / 活动2、 — the activity's own number written out.</summary>
    [GeneratedRegex(@"\G活动[一二三四五六七八九十\d]+\s*[:、.]?\s*")]
    private static partial Regex Numbered();
}
