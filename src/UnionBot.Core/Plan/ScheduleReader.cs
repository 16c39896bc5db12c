namespace UnionBot.Core.Plan;

/// <summary>
/// Reads one month-by-month schedule from its first month heading to the line that ends it (<see cref="ScheduleEnd"/>)
/// or the end of the document.
/// </summary>
internal static class ScheduleReader
{
    /// <param name="lines">The document.</param>
    /// <param name="start">A line that is a month heading.</param>
    /// <param name="end">The first line after the schedule.</param>
    public static List<MonthBlock> Read(IReadOnlyList<PlanLine> lines, int start, out int end)
    {
        var blocks = new List<MonthBlock>();
        MonthBlock? current = null;
        for (end = start; end < lines.Count; end++)
        {
            var line = lines[end];
            if (line.IsBlank) continue;
            if (MonthHeading.TryRead(line.Norm, line.Start, out var months, out var rest))
            {
                current = StartBlock(line, months, rest);
                blocks.Add(current);
                continue;
            }
            if (current is null) break;
            var marker = ItemMarker.TryRead(line.Norm, line.Start, out var m) ? m : (ItemMarker?)null;
            if (ScheduleEnd.IsGroupHeader(line.Text)) continue;
            if (ScheduleEnd.Ends(line, marker, current, blocks)) break;
            current.Entries.Add(Entry(line, marker));
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
            var marker = ItemMarker.TryRead(line.Norm, rest, out var m) ? m : (ItemMarker?)null;
            block.Entries.Add(marker is { } found ? new MonthEntry(found, line.Cut(found.TextStart), inline) : new MonthEntry(null, inline, inline));
        }
        return block;
    }

    private static MonthEntry Entry(PlanLine line, ItemMarker? marker) => marker is { } m
        ? new MonthEntry(m, line.Cut(m.TextStart), line.Cut(line.Start))
        : new MonthEntry(null, line.Cut(line.Start), line.Cut(line.Start), ScheduleEnd.IsNote(line.Text));
}
