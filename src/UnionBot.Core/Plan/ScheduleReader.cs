namespace UnionBot.Core.Plan;

/// <summary>
/// Reads one month-by-month schedule from its first month heading to the line that ends it (<see cref="ScheduleEnd"/>)
/// or the end of the document.
/// </summary>
internal static partial class ScheduleReader
{
    private const string InlineBreak = "；;。，, \t";
    private const string RunsOn = ",、:";
    private const string Closes = "。;!?)」”》";

    /// <summary>Narrower lines are whole items however the page was cut (18 Chinese characters).</summary>
    private const int MinWrapWidth = 36;

    /// <param name="lines">The document.</param>
    /// <param name="start">A line that is a month heading.</param>
    /// <param name="end">The first line after the schedule.</param>
    /// <param name="fates">Receives the lines passed over between the months (page numbers, 第一学期).</param>
    public static List<MonthBlock> Read(IReadOnlyList<PlanLine> lines, int start, out int end, List<LineFate> fates)
    {
        // The page width a hard-wrapped schedule was cut at is only known once the schedule's extent is.
        Read(lines, start, out end, wrapWidth: int.MaxValue, fates: null);
        var width = 0;
        for (var i = start; i < end; i++) width = Math.Max(width, lines[i].Width);
        return Read(lines, start, out end, Math.Max(MinWrapWidth, width * 85 / 100), fates);
    }

    /// <summary>A page number left between the lines of a copied document: 7, - 7 -, 第7页, 7/12.</summary>
    public static bool IsPageNumber(ReadOnlySpan<char> text) => PageNumber().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")]
    private static partial System.Text.RegularExpressions.Regex PageNumber();

    private static List<MonthBlock> Read(IReadOnlyList<PlanLine> lines, int start, out int end, int wrapWidth, List<LineFate>? fates)
    {
        var blocks = new List<MonthBlock>();
        MonthBlock? current = null;
        var earlierOneLine = true;
        for (end = start; end < lines.Count; end++)
        {
            var line = lines[end];
            if (line.IsBlank) continue;
            // A dated item under a heading of its own month ("三月份：" then "3月8日 庆祝三八节") is one of that month's items.
            var isMonth = MonthHeading.TryRead(line.Norm, line.Start, out var months, out var rest, out var dated, out var datedMarker);
            var datedInItsMonth = isMonth && dated && current is { IsDatedItem: false } && months.TrueForAll(current.Months.Contains);
            if (isMonth && !datedInItsMonth)
            {
                earlierOneLine &= current?.IsSingleLine ?? true;
                current = StartBlock(line, months, rest, dated, datedMarker, Wraps(lines, end, wrapWidth));
                blocks.Add(current);
                continue;
            }
            // Where no month heading is over it, an item that carries its own date opens a month of its own; under a heading
            // it is one of the heading's items (a bracketed date may narrow the heading's months: MonthNote.Narrow).
            if ((current is null || current.IsDatedItem) && TryDatedItem(lines, end, out var own, out var ownStart, out var ownMarker))
            {
                earlierOneLine &= current?.IsSingleLine ?? true;
                current = StartBlock(line, own, ownStart, dated: true, ownMarker, Wraps(lines, end, wrapWidth));
                blocks.Add(current);
                continue;
            }
            if (current is null) break;
            var marker = ItemMarker.TryRead(line.Norm, line.Start, out var m) ? m : (ItemMarker?)null;
            if (ScheduleEnd.IsGroupHeader(line.Text) || IsPageNumber(line.Text))
            {
                fates?.Add(new LineFate(line.Source, PlanLineRole.Skipped, IsPageNumber(line.Text) ? SkipReason.PageNumber : SkipReason.GroupHeader));
                continue;
            }
            // A dated item of the month it is under ("2028年1月20日前 上报学期工作总结") is no end, whatever its words.
            if (!datedInItsMonth && ScheduleEnd.Ends(lines, end, marker, current, blocks.Count, earlierOneLine && current.IsSingleLine)) break;
            var entries = Entries(line, marker, Wraps(lines, end, wrapWidth));
            current.Add(datedInItsMonth ? entries.Select(e => e with { IsDated = true }) : entries);
        }
        return blocks;
    }

    /// <summary>
    /// An item dated by itself rather than by a heading: its date in brackets at its end ("1.元旦迎新游园活动（1月）",
    /// <see cref="MonthNote"/>) or its time on the next line ("活动一：…" then "时间：3月8日", <see cref="TimedItem"/>).
    /// A schedule may open with one.
    /// </summary>
    /// <param name="textStart">Where the item's text starts, after its number.</param>
    public static bool TryDatedItem(IReadOnlyList<PlanLine> lines, int index, out List<int> months, out int textStart, out ItemMarker? marker)
    {
        var line = lines[index];
        if (MonthNote.TryReadItem(line.Norm, line.Start, out months, out var noted))
        {
            (textStart, marker) = (noted.TextStart, noted);
            return true;
        }
        return TimedItem.At(lines, index, out months, out textStart, out marker);
    }

    private static MonthBlock StartBlock(PlanLine line, List<int> months, int rest, bool dated, ItemMarker? datedMarker, bool wraps)
    {
        var heading = line.Cut(line.Start);
        var inline = line.Cut(rest);
        var block = new MonthBlock(months, heading, line.Source, hasInlineItem: inline.Length > 0, datedItem: dated);
        if (inline.Length > 0)
        {
            if (dated) block.Add([new MonthEntry(line.Source, datedMarker, inline, inline, Wraps: wraps)]);
            else if (ItemMarker.TryRead(line.Norm, rest, out var marker)) block.Add(Numbered(line, marker, wraps));
            else block.Add([new MonthEntry(line.Source, null, inline, inline, Wraps: wraps)]);
        }
        return block;
    }

    private static IEnumerable<MonthEntry> Entries(PlanLine line, ItemMarker? marker, bool wraps) => marker is { } m
        ? Numbered(line, m, wraps)
        : [new MonthEntry(line.Source, null, line.Cut(line.Start), line.Cut(line.Start), ScheduleEnd.IsNote(line.Text), wraps)];

    /// <summary>
    /// Whether the line runs on into the next: it ends on a comma, or it stops without closing punctuation at the
    /// width the schedule's longest lines reach (the page width it was cut at), with the next line right below it.
    /// </summary>
    private static bool Wraps(IReadOnlyList<PlanLine> lines, int index, int wrapWidth)
    {
        var text = lines[index].Text;
        if (text.Length == 0 || index + 1 >= lines.Count || lines[index + 1].IsBlank) return false;
        if (RunsOn.Contains(text[^1])) return true;
        return !Closes.Contains(text[^1]) && lines[index].Width >= wrapWidth;
    }

    /// <summary>A numbered line, split where it carries on its own count: "1、庆祝三八节；2、植树活动。" is two items.</summary>
    private static IEnumerable<MonthEntry> Numbered(PlanLine line, ItemMarker marker, bool wraps)
    {
        var entries = new List<MonthEntry>();
        var whole = line.Cut(line.Start);
        while (NextOnSameLine(line.Norm, marker) is { } next)
        {
            entries.Add(new MonthEntry(line.Source, marker, line.Cut(marker.TextStart, next.Start).TrimEnd('，', ','), whole));
            marker = next.Marker;
        }
        entries.Add(new MonthEntry(line.Source, marker, line.Cut(marker.TextStart), whole, Wraps: wraps));
        return entries;
    }

    private static (int Start, ItemMarker Marker)? NextOnSameLine(string s, ItemMarker marker)
    {
        if (marker.Number is not { } n || marker.IsBareDigit) return null;
        for (var p = marker.TextStart + 1; p < s.Length; p++)
        {
            // Circled numbers and bracketed ones ("（1）插花活动（2）志愿服务") cannot be mistaken for text; the others need a
            // break before them (；。，or a space).
            if (marker.Family != MarkerFamily.Circled && !(s[p] == '(' && marker.Family is MarkerFamily.ParenArabic or MarkerFamily.ChineseParen)
                && !InlineBreak.Contains(s[p - 1])) continue;
            if (ItemMarker.TryRead(s, p, out var next) && !next.IsBareDigit && next.Family == marker.Family && next.Number == n + 1)
                return (p, next);
        }
        return null;
    }
}
