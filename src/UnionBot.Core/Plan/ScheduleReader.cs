namespace UnionBot.Core.Plan;

/// <summary>
/// Reads one month-by-month schedule from its first month heading to the line that ends it (<see cref="ScheduleEnd"/>)
/// or the end of the document.
/// </summary>
internal static class ScheduleReader
{
    private const string InlineBreak = "；;。，, \t";

    /// <param name="lines">The document.</param>
    /// <param name="start">A line that is a month heading.</param>
    /// <param name="end">The first line after the schedule.</param>
    public static List<MonthBlock> Read(IReadOnlyList<PlanLine> lines, int start, out int end)
    {
        var blocks = new List<MonthBlock>();
        MonthBlock? current = null;
        var earlierOneLine = true;
        for (end = start; end < lines.Count; end++)
        {
            var line = lines[end];
            if (line.IsBlank) continue;
            if (MonthHeading.TryRead(line.Norm, line.Start, out var months, out var rest))
            {
                earlierOneLine &= current?.IsSingleLine ?? true;
                current = StartBlock(line, months, rest);
                blocks.Add(current);
                continue;
            }
            if (current is null) break;
            var marker = ItemMarker.TryRead(line.Norm, line.Start, out var m) ? m : (ItemMarker?)null;
            if (ScheduleEnd.IsGroupHeader(line.Text)) continue;
            if (ScheduleEnd.Ends(lines, end, marker, current, blocks.Count, earlierOneLine && current.IsSingleLine)) break;
            current.Add(Entries(line, marker));
        }
        return blocks;
    }

    private static MonthBlock StartBlock(PlanLine line, List<int> months, int rest)
    {
        var heading = line.Cut(line.Start);
        var inline = line.Cut(rest);
        var block = new MonthBlock(months, heading, hasInlineItem: inline.Length > 0);
        if (inline.Length > 0)
        {
            if (ItemMarker.TryRead(line.Norm, rest, out var marker)) block.Add(Numbered(line, marker));
            else block.Add([new MonthEntry(null, inline, inline)]);
        }
        return block;
    }

    private static IEnumerable<MonthEntry> Entries(PlanLine line, ItemMarker? marker) => marker is { } m
        ? Numbered(line, m)
        : [new MonthEntry(null, line.Cut(line.Start), line.Cut(line.Start), ScheduleEnd.IsNote(line.Text))];

    /// <summary>A numbered line, split where it carries on its own count: "1、庆祝三八节；2、植树活动。" is two items.</summary>
    private static IEnumerable<MonthEntry> Numbered(PlanLine line, ItemMarker marker)
    {
        var entries = new List<MonthEntry>();
        var whole = line.Cut(line.Start);
        while (NextOnSameLine(line.Norm, marker) is { } next)
        {
            entries.Add(new MonthEntry(marker, line.Cut(marker.TextStart, next.Start).TrimEnd('，', ','), whole));
            marker = next.Marker;
        }
        entries.Add(new MonthEntry(marker, line.Cut(marker.TextStart), whole));
        return entries;
    }

    private static (int Start, ItemMarker Marker)? NextOnSameLine(string s, ItemMarker marker)
    {
        if (marker.Number is not { } n || marker.IsBareDigit) return null;
        for (var p = marker.TextStart + 1; p < s.Length; p++)
        {
            // Circled numbers cannot be mistaken for text; the others need a break before them (；。，or a space).
            if (marker.Family != MarkerFamily.Circled && !InlineBreak.Contains(s[p - 1])) continue;
            if (ItemMarker.TryRead(s, p, out var next) && !next.IsBareDigit && next.Family == marker.Family && next.Number == n + 1)
                return (p, next);
        }
        return null;
    }
}
