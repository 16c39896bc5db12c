using System.Text.RegularExpressions;

namespace UnionBot.Core.Plan;

/// <summary>
/// A line under a month heading: numbered (<see cref="Marker"/>) or not; <see cref="Text"/> is without the numbering,
/// <see cref="Whole"/> with it (used when a glued digit turns out not to be a number).
/// </summary>
/// <param name="Wraps">The line runs on into the next one (a hard wrap: it stops mid-phrase at the width of the page).</param>
/// <param name="Source">The document line it is on.</param>
/// <param name="IsDated">The line opens with a date of the block's month ("3月8日 庆祝三八节"): an item as written, numbered or not.</param>
internal sealed record MonthEntry(int Source, ItemMarker? Marker, string Text, string Whole, bool IsNote = false, bool Wraps = false, bool IsDated = false);

/// <summary>An activity's text and the document line it starts on.</summary>
internal readonly record struct BlockItem(string Text, int Source);

/// <summary>
/// One month heading and the lines under it. <see cref="Items"/> decides which lines are activities: numbered lines
/// of the month's numbering style; unnumbered lines before the first number or filling a gap in the numbering
/// (二月份: two plain lines, then "3、…"); other unnumbered lines are continuations of the item above.
/// </summary>
/// <param name="datedItem">The heading is the date of one item (2、2009年3月:毽球赛, 3月8日 登山): that item is the block's only activity.</param>
/// <param name="source">The document line of the heading.</param>
internal sealed partial class MonthBlock(IReadOnlyList<int> months, string heading, int source, bool hasInlineItem, bool datedItem = false)
{
    /// <summary>What a month says when it has nothing planned: not an activity.</summary>
    private static readonly HashSet<string> Placeholders = ["无", "暂无", "略", "待定", "另行通知", "同上", "/", "-", "—"];

    public IReadOnlyList<int> Months { get; } = months;

    public string Heading { get; } = heading;

    public int Source { get; } = source;

    public bool HasInlineItem { get; } = hasInlineItem;

    public bool IsDatedItem { get; } = datedItem;

    private readonly List<MonthEntry> entries = [];

    public IReadOnlyList<MonthEntry> Entries => entries;

    /// <summary>Only the heading line, with its item on it (一二月份:召开职工代表大会…).</summary>
    public bool IsSingleLine => HasInlineItem && Entries.Count == 1;

    public ItemMarker? LastMarker { get; private set; }

    /// <summary>The month says it has nothing planned (二月份：无, 1.待定).</summary>
    public bool SaysNothingPlanned => Entries.Any(e => !e.IsNote && IsPlaceholder(e.Text));

    private static bool IsPlaceholder(string text) => Placeholders.Contains(text.Trim().Trim('(', ')', '（', '）'));

    public void Add(IEnumerable<MonthEntry> lines)
    {
        foreach (var entry in lines)
        {
            entries.Add(entry);
            LastMarker = entry.Marker ?? LastMarker;
        }
    }

    /// <summary>
    /// A month with no numbering: its lines joined where they wrap, then split into the activities they list; each
    /// activity is traced to the line it starts on.
    /// </summary>
    /// <remarks>
    /// A month may give its activity by a label (活动主题：三八节女教工插花 / 时间：3月8日): the text after 主题, 名称 or 项目
    /// is the activity. 活动内容： names one too, unless it details the activity named just above it.
    /// </remarks>
    private List<BlockItem> Unnumbered(List<LineFate> fates)
    {
        var texts = new List<(string Text, List<(int Offset, int Source)> Starts)>();
        var wrapped = false;
        var named = false; // the last activity was named by 主题/名称/项目 and no 内容 line has detailed it yet
        foreach (var entry in Entries)
        {
            if (entry.Marker is null && NameLabel().Match(entry.Whole) is { Success: true } label)
            {
                var isContent = label.Groups[1].Value == "内容";
                if (isContent && named)
                {
                    named = false;
                    fates.Add(Skipped(entry, SkipReason.Note));
                }
                else
                {
                    named = !isContent;
                    texts.Add((entry.Whole[label.Length..], [(0, entry.Source)]));
                }
                wrapped = entry.Wraps;
                continue;
            }
            if (entry.IsNote) continue;
            if (wrapped && texts.Count > 0)
            {
                texts[^1].Starts.Add((texts[^1].Text.Length, entry.Source));
                texts[^1] = (texts[^1].Text + entry.Whole, texts[^1].Starts);
                fates.Add(new LineFate(entry.Source, PlanLineRole.Joined));
            }
            else texts.Add((entry.Whole, [(0, entry.Source)]));
            wrapped = entry.Wraps;
        }
        var items = new List<BlockItem>();
        foreach (var (text, starts) in texts)
        {
            var cursor = 0;
            foreach (var part in RunningText.Split(text))
            {
                var at = text.IndexOf(part, cursor, StringComparison.Ordinal);
                if (at >= 0) cursor = at + part.Length;
                items.Add(new BlockItem(part, starts.Last(s => s.Offset <= Math.Max(at, 0)).Source));
            }
        }
        return items;
    }

    /// <summary>The block's activities; what became of its other lines goes into <paramref name="fates"/>.</summary>
    public List<BlockItem> Items(List<LineFate> fates)
    {
        // Under a dated item, the numbered lines that follow are items with no month of their own and the plain lines
        // are its details: only the dated item itself belongs to the month.
        if (IsDatedItem)
        {
            foreach (var entry in Entries.Skip(1)) fates.Add(Skipped(entry, entry.IsNote ? SkipReason.Note : SkipReason.DatedDetail));
            return Entries.Count > 0 && Entries[0].Text.Length > 0 ? [new BlockItem(Entries[0].Text, Entries[0].Source)] : [];
        }
        var items = new List<BlockItem>();
        var pending = new List<MonthEntry>();
        MarkerFamily? family = null;
        MarkerFamily? subFamily = null;
        int? last = null;
        var wrapped = false;
        var labelled = new List<MonthEntry>();
        foreach (var entry in Entries)
        {
            // 活动主题：… names the month's activity if the month has no numbered items (Unnumbered), else details one.
            if (entry.Marker is null && NameLabel().IsMatch(entry.Whole))
            {
                labelled.Add(entry);
                continue;
            }
            // "时间：…" is a detail whatever it is marked with ("- 时间：4月中旬" under an item).
            if (entry.IsNote || entry.Marker is { Family: MarkerFamily.Bullet } && ScheduleEnd.IsNote(entry.Text))
            {
                fates.Add(Skipped(entry, SkipReason.Note));
                continue;
            }
            var marker = entry.Marker;
            // "3开展…" counts only as the number the list expects next; otherwise it is text that starts with a digit.
            if (marker is { IsBareDigit: true } bare && (bare.Number != (last ?? 0) + 1 || family is not (null or MarkerFamily.Arabic)))
                marker = null;
            if (marker is null && entry.IsDated && last is not null)
            {
                // "1、走访慰问…" then "1月20日前 上报工作总结": a dated line among numbered items is one of them.
                fates.AddRange(pending.Select(p => Skipped(p, SkipReason.Detail)));
                pending.Clear();
                items.Add(new BlockItem(entry.Whole, entry.Source));
                wrapped = entry.Wraps;
                continue;
            }
            if (marker is not { } m)
            {
                // A numbered item hard-wrapped onto the next line goes on there.
                if (last is not null && pending.Count == 0 && items.Count > 0 && wrapped)
                {
                    items[^1] = items[^1] with { Text = items[^1].Text + entry.Whole };
                    fates.Add(new LineFate(entry.Source, PlanLineRole.Joined));
                }
                else pending.Add(entry);
                wrapped = entry.Wraps;
                continue;
            }
            wrapped = entry.Wraps;
            family ??= m.Family;
            var number = m.Number ?? (last ?? 0) + 1;
            if (m.Family != family)
            {
                // (1) (2) or bullets under "1." detail the item above; a change of style that carries on the count
                // (（1） then 2.) does not, and a bullet, having no number, cannot carry it on.
                if (m.Family == subFamily || m.Number is null || number != (last ?? 0) + 1)
                {
                    subFamily = m.Family;
                    fates.Add(Skipped(entry, ScheduleEnd.IsNote(entry.Text) ? SkipReason.Note : SkipReason.SubItem));
                    continue;
                }
            }
            // Plain lines fill a gap in the numbering (two plain lines, then "3、…"); otherwise they detail the item above.
            if (last is null || number - last.Value - 1 >= pending.Count) items.AddRange(pending.Select(p => new BlockItem(p.Whole, p.Source)));
            else fates.AddRange(pending.Select(p => Skipped(p, SkipReason.Detail)));
            pending.Clear();
            items.Add(new BlockItem(entry.Text, entry.Source));
            last = number;
        }
        if (last is null) items.AddRange(Unnumbered(fates));
        else
        {
            fates.AddRange(pending.Select(p => Skipped(p, SkipReason.Detail)));
            fates.AddRange(labelled.Select(p => Skipped(p, SkipReason.Note)));
        }
        var kept = new List<BlockItem>(items.Count);
        foreach (var item in items)
        {
            if (item.Text.Length == 0) fates.Add(new LineFate(item.Source, PlanLineRole.Skipped, SkipReason.EmptyItem));
            else if (IsPlaceholder(item.Text)) fates.Add(new LineFate(item.Source, PlanLineRole.Skipped, SkipReason.Placeholder));
            else kept.Add(item);
        }
        return kept;
    }

    private static LineFate Skipped(MonthEntry entry, SkipReason reason) => new(entry.Source, PlanLineRole.Skipped, reason);

    [GeneratedRegex(@"^\s*(?:活动)?(主题|名称|项目|内容)\s*[:：]\s*(?=\S)")]
    private static partial Regex NameLabel();
}
