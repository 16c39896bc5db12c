namespace UnionBot.Core.Plan;

/// <summary>
/// Short schedules are often written several months to a line: "4月份 春季登山活动，5月份 教职工趣味运动会". A month
/// heading with its item that follows a comma, semicolon or space on a heading line starts a line of its own (same
/// document line), so each month keeps its own activities.
/// </summary>
internal static class HeadingLines
{
    private const string Breaks = ",;。 \t";
    private static readonly char[] Trailing = [' ', '\t', '\u3000', ',', '，', ';', '；', '。'];

    public static List<PlanLine> Split(List<PlanLine> lines)
    {
        List<PlanLine>? output = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = Parts(lines[i]);
            if (parts is null)
            {
                output?.Add(lines[i]);
                continue;
            }
            output ??= lines.Take(i).ToList();
            output.AddRange(parts);
        }
        return output ?? lines;
    }

    private static List<PlanLine>? Parts(PlanLine line)
    {
        List<PlanLine>? parts = null;
        // "三、具体安排：三月：…；四月：…": a short lead-in before the months, set off by a colon, is a line of its own.
        if (LeadIn(line) is { } months)
        {
            parts = [PlanLine.Of(line.Raw[..^months.Raw.Length].TrimEnd(Trailing), line.Source)];
            line = months;
        }
        while (Next(line) is { } at)
        {
            (parts ??= []).Add(PlanLine.Of(line.Raw[..at].TrimEnd(Trailing), line.Source));
            line = PlanLine.Of(line.Raw[at..], line.Source);
        }
        parts?.Add(line);
        return parts;
    }

    private const int MaxLeadIn = 16;

    /// <summary>The months after a short lead-in and its colon, when two or more of them follow with their items.</summary>
    private static PlanLine? LeadIn(PlanLine line)
    {
        var s = line.Norm;
        if (line.IsBlank || MonthHeading.TryRead(s, line.Start, out _, out _)) return null;
        var colon = s.IndexOf(':', line.Start);
        if (colon < 0 || colon - line.Start > MaxLeadIn) return null;
        var p = colon + 1;
        while (p < s.Length && s[p] == ' ') p++;
        // Most such lines are prose ("一、指导思想：…"): look for a month with its item right after the colon before
        // building the rest of the line to look for the second one.
        if (p >= s.Length || !MonthHeading.TryRead(s, p, out _, out var rest) || rest >= s.Length) return null;
        var months = PlanLine.Of(line.Raw[p..], line.Source);
        return Next(months) is not null ? months : null;
    }

    /// <summary>Where a second heading with its own item starts on a heading line that carries an item, or null.</summary>
    private static int? Next(PlanLine line)
    {
        var s = line.Norm;
        if (line.IsBlank || !MonthHeading.TryRead(s, line.Start, out _, out var rest, out var dated, out _) || dated || rest >= s.Length) return null;
        for (var p = rest + 1; p < s.Length; p++)
            if (Breaks.Contains(s[p - 1]) && s[p] != ' '
                && MonthHeading.TryRead(s, p, out _, out var next, out var nextDated, out _) && !nextDated && next < s.Length && next > p)
                return p;
        return null;
    }
}
