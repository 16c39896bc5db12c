using UnionBot.Core.Calendar;

namespace UnionBot.Core.Plan;

/// <summary>
/// Text of an annual plan → its title, year and the activities of every month-by-month schedule in it, in document
/// order. A schedule starts at a month heading and needs at least two of them: a lone "3月：" in prose is not one.
/// </summary>
public static class PlanParser
{
    public const string NoScheduleWarning = "no month-by-month schedule found (month headings such as 三月份： with activities under them); the plan has no activities";

    public static AnnualPlan Parse(string text)
    {
        var lines = TableLayout.Rewrite(PlanLine.Split(text));
        var title = PlanTitle.Find(lines);
        var activities = new List<PlanActivity>();
        var warnings = new List<string>();
        var scheduleIndex = 0;
        for (var i = 0; i < lines.Count;)
        {
            var line = lines[i];
            if (line.IsBlank || !MonthHeading.TryRead(line.Norm, line.Start, out _, out _))
            {
                i++;
                continue;
            }
            var blocks = ScheduleReader.Read(lines, i, out var end);
            i = end;
            if (blocks.Count < 2) continue;
            var emptyMonths = new List<string>();
            var found = Activities(blocks, scheduleIndex, emptyMonths);
            if (found.Count == 0) continue;
            activities.AddRange(found);
            warnings.AddRange(emptyMonths);
            scheduleIndex++;
        }
        if (scheduleIndex == 0) warnings.Add(NoScheduleWarning);
        return new AnnualPlan(title, PlanTitle.Year(title), activities, warnings);
    }

    private static List<PlanActivity> Activities(List<MonthBlock> blocks, int scheduleIndex, List<string> warnings)
    {
        var activities = new List<PlanActivity>();
        var passedDecember = false;
        foreach (var block in blocks)
        {
            var months = new List<PlanMonth>(block.Months.Count);
            foreach (var m in block.Months)
            {
                // The plan's order is the calendar: a month written after December (a trailing 一月份, 元月) is next year's.
                months.Add(new PlanMonth(m, passedDecember && m < 12 ? 1 : 0));
                if (m == 12) passedDecember = true;
            }
            var items = block.Items();
            if (items.Count == 0) warnings.Add($"'{block.Heading}' has no activities under it");
            foreach (var item in items)
            {
                var festival = FestivalRecognizer.Recognize(item);
                activities.Add(new PlanActivity(months, item, festival, scheduleIndex, ActivityKind.IsEvent(item, festival)));
            }
        }
        return activities;
    }
}
