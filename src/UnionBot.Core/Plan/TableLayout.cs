namespace UnionBot.Core.Plan;

/// <summary>
/// A schedule written as a table (月份 | 活动内容 | 备注) that reached the reader as text: copied from a web page or a
/// Word file, its cells come one per line (often ending in "|"), a row per line with "|" or tabs between cells, or as
/// a markdown table. The header row names the columns; the table is laid out again as month headings with one item
/// per activity, so the schedule reader reads it like any other. Columns that are not the time or the activity
/// (participants, remarks, details, the row number) are left out.
/// </summary>
internal static class TableLayout
{
    /// <param name="tables">Where each table was found, for the line-by-line explanation.</param>
    public static List<PlanLine> Rewrite(List<PlanLine> lines, List<TableSpan> tables)
    {
        List<PlanLine>? output = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (TableHeaderReader.TryRead(lines, i, out var header))
            {
                output ??= lines.Take(i).ToList();
                var rows = TableRows.Read(lines, header, out var end);
                tables.Add(new TableSpan(lines[header.FirstLine].Source, lines[header.NextLine - 1].Source + 1, lines[end - 1].Source + 1));
                output.AddRange(Lay(rows));
                i = end - 1;
                continue;
            }
            output?.Add(lines[i]);
        }
        return output ?? lines;
    }

    /// <summary>Each row as "N月：" and one numbered line per activity; rows without a month go under the month above (a merged cell).</summary>
    private static IEnumerable<PlanLine> Lay(List<TableRow> rows)
    {
        string? months = null;
        var monthSource = 0;
        var headed = false;
        var n = 1;
        foreach (var row in rows)
        {
            var activities = row.Activities.SelectMany(TableCell.Activities).ToList();
            if (row.Months is { } m && m != months)
            {
                months = m;
                monthSource = row.MonthSource;
                headed = false;
            }
            if (months is null || activities.Count == 0) continue;
            if (!headed)
            {
                yield return PlanLine.Of(months + ":", monthSource);
                headed = true;
                n = 1;
            }
            foreach (var activity in activities) yield return PlanLine.Of($"{n++}、{activity}", row.ActivitySource);
        }
    }
}

/// <summary>One row: the months written in its time cell (as a heading, e.g. "9-12月") and its activity cells, with the document lines they are on.</summary>
internal sealed record TableRow(string? Months, IReadOnlyList<string> Activities, int MonthSource, int ActivitySource);

/// <summary>The document lines of one table: its header row from <see cref="First"/>, its rows from <see cref="Rows"/> to <see cref="End"/>.</summary>
internal readonly record struct TableSpan(int First, int Rows, int End);

/// <summary>The columns of a table: where the time, the activity and the row number are, how many there are.</summary>
internal sealed record TableHeader(int Columns, int Time, int Activity, int Number, int FirstLine, int NextLine, bool RowPerLine, bool Marked);
