using System.Text.RegularExpressions;

namespace UnionBot.Core.Plan;

/// <summary>
/// Finds a table's header row: short cells naming the columns, one for the time (月份, 时间, 活动时间, 日期) and one
/// for the activity (活动内容, 活动名称, 工作内容, 项目), with others beside them (序号, 参加范围, 备注, 负责人 …).
/// The cells may be on one line between "|" or tabs, or one per line.
/// </summary>
internal static partial class TableHeaderReader
{
    private const int MaxHeaderCell = 8;
    private const int MaxColumns = 8;

    public static bool TryRead(IReadOnlyList<PlanLine> lines, int index, out TableHeader header)
    {
        header = default!;
        var line = lines[index];
        if (line.IsBlank) return false;
        var marked = line.Text.Contains('|');
        var cells = TableCell.Split(line.Text);
        if (cells.Count >= 2)
            return TryColumns(cells, out header, index, index + 1, rowPerLine: true, marked: marked || line.Text.Contains('\t'));
        // One cell per line: the header's cells are the short lines that follow one another.
        var names = new List<string>();
        var next = index;
        while (next < lines.Count && names.Count < MaxColumns && !lines[next].IsBlank)
        {
            var one = TableCell.Split(lines[next].Text);
            if (one.Count != 1 || Kind(one[0]) is null) break;
            if (lines[next].Text.Contains('|') != marked) break;
            names.Add(one[0]);
            next++;
        }
        return names.Count >= 2 && TryColumns(names, out header, index, next, rowPerLine: false, marked);
    }

    private static bool TryColumns(List<string> names, out TableHeader header, int first, int next, bool rowPerLine, bool marked)
    {
        header = default!;
        if (names.Count > MaxColumns) return false;
        int time = -1, number = -1, activity = -1, activityRank = 0;
        for (var i = 0; i < names.Count; i++)
        {
            switch (Kind(names[i]))
            {
                case null: return false;
                case ColumnKind.Time when time < 0: time = i; break;
                case ColumnKind.Number when number < 0: number = i; break;
                case ColumnKind.Activity:
                    // 活动名称 names the activity; 活动内容 beside it describes it.
                    var rank = names[i].Contains("名称") || names[i].Contains("项目") ? 3 : names[i].Contains("活动") ? 2 : 1;
                    if (rank > activityRank) (activity, activityRank) = (i, rank);
                    break;
            }
        }
        if (time < 0 || activity < 0) return false;
        header = new TableHeader(names.Count, time, activity, number, first, next, rowPerLine, marked);
        return true;
    }

    private enum ColumnKind { Time, Activity, Number, Other }

    private static ColumnKind? Kind(string cell)
    {
        var name = cell.Replace(" ", "");
        if (name.Length is 0 or > MaxHeaderCell) return null;
        if (TimeColumn().IsMatch(name)) return ColumnKind.Time;
        if (NumberColumn().IsMatch(name)) return ColumnKind.Number;
        if (ActivityColumn().IsMatch(name)) return ColumnKind.Activity;
        return OtherColumn().IsMatch(name) ? ColumnKind.Other : null;
    }

    [GeneratedRegex(@"^(?:活动|计划|具体|开展|举办)?(?:月份|时间|日期|月|时段)(?:安排)?$")]
    private static partial Regex TimeColumn();

    [GeneratedRegex(@"^(?:序号|编号|序|No\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberColumn();

    [GeneratedRegex(@"^(?:主要|具体|工作|活动)?(?:活动|工作|内容|名称|项目|安排|要点)(?:内容|名称|项目|安排|要点)?$")]
    private static partial Regex ActivityColumn();

    [GeneratedRegex(@"参加|参与|范围|对象|人数|人员|备注|负责|责任|部门|地点|形式|要求|说明|经费|预算|组织|承办|牵头|主办|落实|完成|详情|细节|内容|目的")]
    private static partial Regex OtherColumn();
}
