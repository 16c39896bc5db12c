namespace UnionBot.Core.Plan;

/// <summary>
/// The date people write in brackets after an item to say when it happens: "元旦迎新游园活动（1月）",
/// "春季趣味运动会（4月下旬）", "暑期疗休养（7—8月）". Under a heading that covers several months (第一季度, 七、八月份)
/// it says which of them the item is in.
/// </summary>
internal static class MonthNote
{
    /// <summary>The months of the note that ends <paramref name="item"/>, or null when it ends without one.</summary>
    public static List<int>? Of(string item) => OfNormalized(PlanChars.Normalize(item));

    private static List<int>? OfNormalized(string item)
    {
        var s = item.TrimEnd(' ', '\u3000', '.', '。', ';', ',');
        if (s.Length < 3 || s[^1] != ')') return null;
        var open = s.LastIndexOf('(');
        if (open < 1) return null; // a note on nothing: the whole item is a date
        return MonthHeading.TryReadDate(s[(open + 1)..^1].Trim(), out var months) ? months : null;
    }

    /// <summary>
    /// A numbered line whose item ends with its date in brackets ("1.元旦迎新游园活动（1月）") where no month heading is
    /// over it: the item is dated by its note, as "2、2009年3月:毽球赛" is by its opening date.
    /// </summary>
    /// <param name="s">A normalized line.</param>
    /// <param name="i">Where its text starts.</param>
    public static bool TryReadItem(string s, int i, out List<int> months, out ItemMarker marker)
    {
        months = [];
        if (!ItemMarker.TryRead(s, i, out marker) || marker.IsBareDigit || marker.TextStart >= s.Length) return false;
        if (OfNormalized(s[marker.TextStart..]) is not { } noted) return false;
        months = noted;
        return true;
    }

    /// <summary>
    /// The months of an item under a heading of <paramref name="heading"/>'s months: those its note names, when they are
    /// among the heading's; otherwise the heading's (a note that contradicts its heading is not trusted over it).
    /// </summary>
    public static IReadOnlyList<PlanMonth> Narrow(IReadOnlyList<PlanMonth> heading, string item)
    {
        if (heading.Count < 2 || Of(item) is not { } noted || !noted.TrueForAll(n => heading.Any(m => m.Month == n))) return heading;
        return heading.Where(m => noted.Contains(m.Month)).ToList();
    }
}
