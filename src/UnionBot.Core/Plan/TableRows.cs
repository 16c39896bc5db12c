namespace UnionBot.Core.Plan;

/// <summary>
/// The rows under a table header. Cells come apart in several ways; the time cell anchors each row: a cell that reads
/// as a month starts a row at the time column, so a lost empty cell does not shift the rest of the table. A row
/// whose time cell is missing (a merged month cell written once) keeps the month above.
/// </summary>
internal static class TableRows
{
    private const int ProseWidth = 80;

    public static List<TableRow> Read(IReadOnlyList<PlanLine> lines, TableHeader header, out int end)
    {
        var rows = new List<TableRow>();
        end = header.NextLine;
        if (header.RowPerLine)
        {
            for (; end < lines.Count; end++)
            {
                var line = lines[end];
                if (line.IsBlank || TableCell.IsRule(line.Text)) continue;
                if (!line.Text.Contains('|') && !line.Text.Contains('\t')) break;
                rows.Add(Row(header, TableCell.Split(line.Text), [.. Enumerable.Repeat(line.Source, header.Columns)]));
            }
            return rows;
        }
        var cells = new string?[header.Columns];
        var sources = new int[header.Columns];
        var position = 0;
        for (; end < lines.Count; end++)
        {
            var line = lines[end];
            if (line.IsBlank) continue;
            if (header.Marked != line.Text.Contains('|') || !header.Marked && EndsUnmarked(line)) break;
            var cell = TableCell.Split(line.Text).FirstOrDefault() ?? "";
            var isMonth = MonthCell(cell) is not null;
            var isNumber = header.Number >= 0 && cell.Length is 1 or 2 && cell.All(char.IsAsciiDigit);
            // A month cell starts a row at the time column; a row number starts one at the number column.
            var anchor = isMonth && position != header.Time ? header.Time : isNumber && position != header.Number ? header.Number : -1;
            if (anchor >= 0 && (anchor < position || cells.Any(c => c is not null)))
            {
                if (anchor <= position || cells[anchor] is not null) Flush();
                position = anchor;
            }
            else if (position >= header.Columns) Flush();
            sources[position] = line.Source;
            cells[position++] = cell;
            if (position >= header.Columns) Flush();
        }
        Flush();
        return rows;

        void Flush()
        {
            if (cells.Any(c => c is not null)) rows.Add(Row(header, cells.Select(c => c ?? "").ToList(), [.. sources], aligned: true));
            Array.Clear(cells);
            Array.Clear(sources);
            position = 0;
        }
    }

    /// <summary>
    /// A row's cells. A row with fewer cells than columns lost empty ones at its end, or, when it does not open with
    /// the month, its leading ones (the time cell merged with the row above).
    /// </summary>
    /// <param name="sources">The document line of each column's cell.</param>
    private static TableRow Row(TableHeader header, List<string> cells, int[] sources, bool aligned = false)
    {
        if (cells.Count == 1 && MonthCell(cells[0]) is { } alone) return new TableRow(alone, [], sources[0], sources[0]);
        var leadingLost = !aligned && cells.Count < header.Columns && !(header.Time < cells.Count && MonthCell(cells[header.Time]) is not null);
        var shift = leadingLost ? header.Columns - cells.Count : 0;
        string? Cell(int column) => column - shift is var i && i >= 0 && i < cells.Count ? cells[i] : null;
        var months = Cell(header.Time) is { } time ? MonthCell(time) : null;
        var activity = Cell(header.Activity);
        int Source(int column) => sources[Math.Clamp(column - shift, 0, sources.Length - 1)];
        return new TableRow(months, activity is { Length: > 0 } ? [activity] : [], Source(header.Time), Source(header.Activity));
    }

    /// <summary>Unmarked cells end at prose or the next numbered section.</summary>
    private static bool EndsUnmarked(PlanLine line) =>
        line.Width >= ProseWidth || ItemMarker.TryRead(line.Norm, line.Start, out var marker) && marker.IsOutline && MonthCell(line.Text.ToString()) is null;

    /// <summary>
    /// The months of a time cell as a heading ("9-12月"), or null: 一月, 2024年1月, 2024年9-12月, 5月—6月, 3月上旬, 3月8日, 2024.3.8, and
    /// a row number run into the month ("1一月", "2 三月").
    /// </summary>
    public static string? MonthCell(string cell)
    {
        var norm = PlanChars.Normalize(cell).Trim();
        if (MonthHeading.TryNumericDate(norm, 0, out var month, out var end, out _))
        {
            if (MonthHeading.IsLeeway(norm[end..].Trim())) return Heading([month]);
            if (MonthHeading.TryRead(norm, 0, out var range, out var rest) && rest >= norm.Length) return Heading(range); // 2027.9-12
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (norm.IndexOf('月') < 0) return null;
            // The longest heading the cell opens with: "5月—6月" is two months, "3月8日" and "5月上旬" are March and May.
            for (var cut = norm.LastIndexOf('月'); cut >= 0; cut = cut == 0 ? -1 : norm.LastIndexOf('月', cut - 1))
            {
                var head = norm[..(cut + 1)] + (cut + 1 < norm.Length && norm[cut + 1] == '份' ? "份" : "");
                if (MonthHeading.TryRead(head, 0, out var months, out var rest) && rest >= head.Length && months.Count > 0)
                    return Heading(months);
            }
            // A row number glued to the month: drop leading digits and separators once.
            var p = 0;
            while (p < norm.Length && (char.IsAsciiDigit(norm[p]) || norm[p] is ' ' or '.' or '、')) p++;
            if (p == 0 || p >= norm.Length || char.IsAsciiDigit(norm[p]) && norm[p - 1] is not (' ' or '.' or '、')) return null;
            norm = norm[p..];
        }
        return null;
    }

    private static string Heading(List<int> months) =>
        months.Count == 1 ? $"{months[0]}月" : $"{months[0]}-{months[^1]}月";
}
