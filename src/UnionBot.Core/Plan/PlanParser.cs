using UnionBot.Core.Calendar;

namespace UnionBot.Core.Plan;

/// <summary>
/// Text of an annual plan → its title, year and the activities of every month-by-month schedule in it, in document
/// order. A schedule starts at a month heading and needs at least two of them: a lone "3月：" in prose is not one.
/// </summary>
public static class PlanParser
{
    public const string NoScheduleWarning = "no month-by-month schedule found (month headings such as 三月份： with activities under them); the plan has no activities";

    public static AnnualPlan Parse(string text) => Read(text).Plan;

    /// <summary>The plan and, line by line, what each line of the text became (<see cref="PlanExplanation"/>).</summary>
    public static PlanExplanation Explain(string text) => Read(text).Explain();

    private static PlanReading Read(string text)
    {
        var reading = new PlanReading(PlanLine.Split(text));
        var lines = HeadingLines.Split(TableLayout.Rewrite(reading.Lines, reading.Tables));
        var title = PlanTitle.Find(lines);
        var years = PlanYears.Of(title, lines);
        var activities = new List<PlanActivity>();
        var warnings = new List<string>();
        var scheduleIndex = 0;
        for (var i = 0; i < lines.Count;)
        {
            var line = lines[i];
            if (line.IsBlank || !MonthHeading.TryRead(line.Norm, line.Start, out _, out _) && !ScheduleReader.TryDatedItem(lines, i, out _, out _, out _))
            {
                i++;
                continue;
            }
            var fates = new List<LineFate>();
            var start = i;
            var blocks = ScheduleReader.Read(lines, start, out var end, fates);
            i = end;
            if (blocks.Count < 2) continue;
            var emptyMonths = new List<string>();
            var found = Activities(blocks, scheduleIndex, years, emptyMonths, fates);
            if (found.Count == 0) continue;
            activities.AddRange(found.Select(f => f.Activity));
            warnings.AddRange(emptyMonths);
            reading.Add(line.Source, end < lines.Count ? lines[end].Source : reading.Lines.Count, blocks, found, fates);
            warnings.AddRange(fates.Where(f => f.Role == PlanLineRole.Skipped && SkipReasons.IsDoubtful(f.Reason)).Select(reading.Warning));
            scheduleIndex++;
        }
        if (scheduleIndex == 0) warnings.Add(NoScheduleWarning);
        reading.Plan = new AnnualPlan(title, years.Year, activities, warnings);
        return reading;
    }

    private static List<(PlanActivity Activity, int Source)> Activities(
        List<MonthBlock> blocks, int scheduleIndex, PlanYears years, List<string> warnings, List<LineFate> fates)
    {
        var activities = new List<(PlanActivity, int)>();
        var passedDecember = false;
        foreach (var block in blocks)
        {
            var months = new List<PlanMonth>(block.Months.Count);
            foreach (var m in block.Months)
            {
                months.Add(years.Place(m, passedDecember));
                if (m == 12) passedDecember = true;
            }
            var items = block.Items(fates);
            // 二月份：无 says so on purpose; a heading with nothing readable under it may have lost its lines.
            if (items.Count == 0 && !block.SaysNothingPlanned) warnings.Add($"'{block.Heading}' has no activities under it");
            foreach (var item in items)
                foreach (var (title, festival) in FestivalParts.Of(ScheduleEnd.WithoutSideNote(item.Text)))
                    activities.Add((new PlanActivity(MonthNote.Narrow(months, item.Text), title, festival, scheduleIndex, ActivityKind.IsEvent(title, festival)), item.Source));
        }
        return activities;
    }
}
