namespace UnionBot.Core.Plan;

/// <summary>What the reader made of one line of the plan.</summary>
public enum PlanLineRole
{
    /// <summary>Not part of a month-by-month schedule (the plan's prose, its title, what follows the schedule).</summary>
    Outside,

    /// <summary>An empty line inside a schedule.</summary>
    Blank,

    /// <summary>A month heading (三月份：); activities written on the same line are listed with it.</summary>
    Heading,

    /// <summary>One or more activities.</summary>
    Activity,

    /// <summary>The rest of the line before it (a hard-wrapped item).</summary>
    Joined,

    /// <summary>Inside a schedule but read as no activity; <see cref="ExplainedLine.Reason"/> says why.</summary>
    Skipped,
}

/// <summary>Why a line inside a schedule, or the line that ends one, became no activity.</summary>
public enum SkipReason
{
    None,
    PageNumber,
    GroupHeader,
    Placeholder,
    Note,
    SubItem,
    Detail,
    DatedDetail,
    EmptyItem,
    TableHeader,
    TableColumn,
    EndsSchedule,
}

/// <summary>One line of the plan's text and what it became.</summary>
/// <param name="Number">The line's number in the text, from 1 (a .docx plan: its paragraphs and table rows as text).</param>
/// <param name="Text">The line as written.</param>
/// <param name="Months">The months a heading covers (empty for other lines).</param>
/// <param name="Activities">The activities read from this line (a heading's own, a split line's several, a table row's).</param>
public sealed record ExplainedLine(int Number, string Text, PlanLineRole Role, IReadOnlyList<int> Months, IReadOnlyList<PlanActivity> Activities, SkipReason Reason)
{
    /// <summary>Whether the chair should look at this line: text inside a schedule that became nothing although it may be an activity.</summary>
    public bool IsDoubtful => Role == PlanLineRole.Skipped && SkipReasons.IsDoubtful(Reason);
}

/// <summary>The plan as read and every line of its text with what it became, in order.</summary>
public sealed record PlanExplanation(AnnualPlan Plan, IReadOnlyList<ExplainedLine> Lines);

/// <summary>The reasons in words, for the command line (English) and the chair's console (Chinese).</summary>
public static class SkipReasons
{
    /// <summary>
    /// Lines the reader passes over by a rule that may be wrong for this plan: plain text between numbered items, sub-items,
    /// the lines under a dated item, a number with no text. Page numbers, placeholders (无), notes (时间：…) and the table's
    /// other columns are what they look like.
    /// </summary>
    public static bool IsDoubtful(SkipReason reason) => reason is SkipReason.Detail or SkipReason.SubItem or SkipReason.DatedDetail or SkipReason.EmptyItem;

    public static string English(SkipReason reason) => reason switch
    {
        SkipReason.PageNumber => "a page number",
        SkipReason.GroupHeader => "groups the months (第一学期, 下半年), not an activity",
        SkipReason.Placeholder => "says nothing is planned (无, 待定)",
        SkipReason.Note => "a detail of the item above (时间：, 地点：, 主题：)",
        SkipReason.SubItem => "a sub-item, read as a detail of the numbered item above",
        SkipReason.Detail => "unnumbered text between numbered items, read as a detail of the item above",
        SkipReason.DatedDetail => "under a dated item (2、2009年3月：…), read as its detail",
        SkipReason.EmptyItem => "a number with no text",
        SkipReason.TableHeader => "the table's header row",
        SkipReason.TableColumn => "a table cell that is not the time or the activity (备注, 参加范围, 序号), or a row without an activity",
        SkipReason.EndsSchedule => "ends the schedule (the next section, 备注, prose, a sign-off)",
        _ => "",
    };

    public static string Chinese(SkipReason reason) => reason switch
    {
        SkipReason.PageNumber => "页码",
        SkipReason.GroupHeader => "月份分组（第一学期、下半年），不是活动",
        SkipReason.Placeholder => "表示本月无安排（无、待定）",
        SkipReason.Note => "上一项的说明（时间：、地点：、主题：）",
        SkipReason.SubItem => "下级小项，当作上一项的说明",
        SkipReason.Detail => "编号之间没有编号的文字，当作上一项的说明",
        SkipReason.DatedDetail => "带日期的活动（2、2009年3月：…）下面的文字，当作它的说明",
        SkipReason.EmptyItem => "只有编号，没有内容",
        SkipReason.TableHeader => "表格的表头",
        SkipReason.TableColumn => "表格中不是时间或活动的格子（备注、参加范围、序号），或没有活动的行",
        SkipReason.EndsSchedule => "月度安排到此结束（下一部分、备注、正文、落款）",
        _ => "",
    };
}
