namespace UnionBot.Core.Plan;

/// <summary>
/// A line under a month heading: numbered (<see cref="Marker"/>) or not; <see cref="Text"/> is without the numbering,
/// <see cref="Whole"/> with it (used when a glued digit turns out not to be a number).
/// </summary>
/// <param name="Wraps">The line runs on into the next one (a hard wrap: it stops mid-phrase at the width of the page).</param>
internal sealed record MonthEntry(ItemMarker? Marker, string Text, string Whole, bool IsNote = false, bool Wraps = false);

/// <summary>
/// One month heading and the lines under it. <see cref="Items"/> decides which lines are activities: numbered lines
/// of the month's numbering style; unnumbered lines before the first number or filling a gap in the numbering
/// (二月份: two plain lines, then "3、…"); other unnumbered lines are continuations of the item above.
/// </summary>
/// <param name="datedItem">The heading is the date of one numbered item (2、2009年3月:毽球赛): that item is the block's only activity.</param>
internal sealed class MonthBlock(IReadOnlyList<int> months, string heading, bool hasInlineItem, bool datedItem = false)
{
    /// <summary>What a month says when it has nothing planned: not an activity.</summary>
    private static readonly HashSet<string> Placeholders = ["无", "暂无", "略", "待定", "另行通知", "同上", "/", "-", "—"];

    public IReadOnlyList<int> Months { get; } = months;

    public string Heading { get; } = heading;

    public bool HasInlineItem { get; } = hasInlineItem;

    public bool IsDatedItem { get; } = datedItem;

    private readonly List<MonthEntry> entries = [];

    public IReadOnlyList<MonthEntry> Entries => entries;

    /// <summary>Only the heading line, with its item on it (一二月份:召开职工代表大会…).</summary>
    public bool IsSingleLine => HasInlineItem && Entries.Count == 1;

    public ItemMarker? LastMarker { get; private set; }

    public void Add(IEnumerable<MonthEntry> lines)
    {
        foreach (var entry in lines)
        {
            entries.Add(entry);
            LastMarker = entry.Marker ?? LastMarker;
        }
    }

    /// <summary>A month with no numbering: its lines joined where they wrap, then split into the activities they list.</summary>
    private List<string> Unnumbered()
    {
        var texts = new List<string>();
        var wrapped = false;
        foreach (var entry in Entries)
        {
            if (entry.IsNote) continue;
            if (wrapped && texts.Count > 0) texts[^1] += entry.Whole;
            else texts.Add(entry.Whole);
            wrapped = entry.Wraps;
        }
        return texts.SelectMany(RunningText.Split).ToList();
    }

    public List<string> Items()
    {
        // Under a dated item, the numbered lines that follow are items with no month of their own and the plain lines
        // are its details: only the dated item itself belongs to the month.
        if (IsDatedItem) return Entries.Count > 0 && Entries[0].Text.Length > 0 ? [Entries[0].Text] : [];
        var items = new List<string>();
        var pending = new List<string>();
        MarkerFamily? family = null;
        MarkerFamily? subFamily = null;
        int? last = null;
        var wrapped = false;
        foreach (var entry in Entries)
        {
            if (entry.IsNote) continue;
            var marker = entry.Marker;
            // "3开展…" counts only as the number the list expects next; otherwise it is text that starts with a digit.
            if (marker is { IsBareDigit: true } bare && (bare.Number != (last ?? 0) + 1 || family is not (null or MarkerFamily.Arabic)))
                marker = null;
            if (marker is not { } m)
            {
                // A numbered item hard-wrapped onto the next line goes on there.
                if (last is not null && pending.Count == 0 && items.Count > 0 && wrapped) items[^1] += entry.Whole;
                else pending.Add(entry.Whole);
                wrapped = entry.Wraps;
                continue;
            }
            wrapped = entry.Wraps;
            family ??= m.Family;
            var number = m.Number ?? (last ?? 0) + 1;
            if (m.Family != family)
            {
                // (1) (2) under "1." detail the item above; a change of style that carries on the count (（1） then 2.) does not.
                if (m.Family == subFamily || number != (last ?? 0) + 1)
                {
                    subFamily = m.Family;
                    continue;
                }
            }
            if (last is null || number - last.Value - 1 >= pending.Count) items.AddRange(pending);
            pending.Clear();
            items.Add(entry.Text);
            last = number;
        }
        if (last is null) items.AddRange(Unnumbered());
        return items.Where(t => t.Length > 0 && !Placeholders.Contains(t.Trim('(', ')', '（', '）'))).ToList();
    }
}
