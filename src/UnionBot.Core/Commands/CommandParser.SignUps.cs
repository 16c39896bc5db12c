using System.Text.RegularExpressions;

namespace UnionBot.Core.Commands;

public static partial class CommandParser
{
    /// <summary><c>/发起报名 乒乓球赛 名额20 截止12月1日</c>: quota and deadline may stand anywhere, with or without ':' and spaces.</summary>
    private static Command ParseOpen(CommandText rest)
    {
        int? quota = null;
        MonthDay? deadline = null;

        var q = QuotaRegex().Match(rest.Folded);
        if (q.Success)
        {
            quota = ChineseNumber.Parse(q.Groups[1].Value);
            if (quota is null or < 1) return new Command.Unknown(Hints.Quota);
            rest = rest.Blank(q.Index, q.Length);
        }

        var d = DeadlineRegex().Match(rest.Folded);
        if (d.Success)
        {
            var month = int.Parse(d.Groups["m1"].Success ? d.Groups["m1"].Value : d.Groups["m2"].Value);
            var day = int.Parse(d.Groups["d1"].Success ? d.Groups["d1"].Value : d.Groups["d2"].Value);
            // 2月29日 is a real deadline in a leap year; the handler resolves the year.
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
                return new Command.Unknown(Hints.Deadline);
            deadline = new MonthDay(month, day);
            rest = rest.Blank(d.Index, d.Length);
        }
        else if (DeadlineWordRegex().IsMatch(rest.Folded))
            return new Command.Unknown(Hints.Deadline);

        var name = Name(rest);
        return name.Length == 0 ? new Command.Unknown(Hints.Open) : new Command.OpenSignUp(name, quota, deadline);
    }

    [GeneratedRegex(@"(?:名额|限额|限报|quota)\s*[:=]?\s*(\d+|[零一二两三四五六七八九十百千]{1,6})\s*(?:人|名|个|位)?", RegexOptions.IgnoreCase)]
    private static partial Regex QuotaRegex();

    [GeneratedRegex(
        @"(?:截止|截至|deadline|until)\s*(?:日期|时间)?\s*[:=]?\s*(?:\d{4}\s*[年./-]\s*)?" +
        @"(?:(?<m1>\d{1,2})\s*月\s*(?<d1>\d{1,2})\s*[日号]?|(?<m2>\d{1,2})\s*[-/.]\s*(?<d2>\d{1,2}))(?:\s*(?:日|号|前|止))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineRegex();

    [GeneratedRegex(@"(?:截止|截至|deadline)", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineWordRegex();
}
