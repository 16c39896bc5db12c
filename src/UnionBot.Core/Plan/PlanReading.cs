namespace UnionBot.Core.Plan;

/// <summary>
/// One reading of a plan: the plan, and for each schedule found where it lies in the document, its headings, which
/// line each activity came from and what became of the lines that gave none — enough to explain every line.
/// </summary>
internal sealed class PlanReading(List<PlanLine> lines)
{
    private const int QuotedLength = 40;

    private readonly List<(int First, int End)> schedules = [];
    private readonly List<MonthBlock> headings = [];
    private readonly List<(PlanActivity Activity, int Source)> activities = [];
    private readonly List<LineFate> fates = [];

    public List<PlanLine> Lines { get; } = lines;

    public List<TableSpan> Tables { get; } = [];

    public AnnualPlan Plan { get; set; } = AnnualPlan.Empty;

    /// <param name="first">The document line of the schedule's first heading.</param>
    /// <param name="end">The document line after it.</param>
    public void Add(int first, int end, List<MonthBlock> blocks, List<(PlanActivity, int)> found, List<LineFate> lineFates)
    {
        schedules.Add((first, end));
        headings.AddRange(blocks);
        activities.AddRange(found);
        fates.AddRange(lineFates);
    }

    /// <summary>A line inside a schedule that became nothing, as a warning that says where and why.</summary>
    public string Warning(LineFate fate)
    {
        var text = Lines[fate.Source].Raw.Trim();
        if (text.Length > QuotedLength) text = text[..QuotedLength] + "…";
        return $"line {fate.Source + 1} '{text}' gave no activity: {SkipReasons.English(fate.Reason)}; check it with plan parse <file> --explain";
    }

    public PlanExplanation Explain()
    {
        var roles = new PlanLineRole[Lines.Count];
        var reasons = new SkipReason[Lines.Count];
        var months = new IReadOnlyList<int>[Lines.Count];
        var found = new List<PlanActivity>?[Lines.Count];
        foreach (var (first, end) in schedules)
        {
            for (var i = first; i < end; i++) roles[i] = Lines[i].IsBlank ? PlanLineRole.Blank : PlanLineRole.Skipped;
            // A table's header row and its cells that are no activity: whatever in the table the schedule did not use.
            foreach (var table in Tables.Where(t => t.First < end && t.End > first))
                for (var i = table.First; i < table.End; i++)
                    if (!Lines[i].IsBlank) (roles[i], reasons[i]) = (PlanLineRole.Skipped, i < table.Rows ? SkipReason.TableHeader : SkipReason.TableColumn);
            if (NextText(end) is { } next) reasons[next] = SkipReason.EndsSchedule;
        }
        foreach (var fate in fates) (roles[fate.Source], reasons[fate.Source]) = (fate.Role, fate.Reason);
        foreach (var (activity, source) in activities)
        {
            (found[source] ??= []).Add(activity);
            roles[source] = PlanLineRole.Activity;
            reasons[source] = SkipReason.None;
        }
        foreach (var block in headings)
        {
            roles[block.Source] = PlanLineRole.Heading;
            reasons[block.Source] = SkipReason.None;
            // Several months written on one line show all of them.
            months[block.Source] = months[block.Source] is { } earlier ? [.. earlier, .. block.Months] : block.Months;
        }
        var explained = new ExplainedLine[Lines.Count];
        for (var i = 0; i < Lines.Count; i++)
            explained[i] = new ExplainedLine(i + 1, Lines[i].Raw, roles[i], months[i] ?? [], found[i] ?? [], reasons[i]);
        return new PlanExplanation(Plan, explained);
    }

    private int? NextText(int from)
    {
        for (var i = from; i < Lines.Count; i++)
            if (!Lines[i].IsBlank) return i;
        return null;
    }
}
