using System.Globalization;
using System.Text.RegularExpressions;

namespace UnionBot.Core.Plan;

/// <summary>
/// Which calendar year each month of the plan falls in. A school-year plan (2016-2017学年度) runs from autumn to summer:
/// August to December are in its first year, January to July in its second; a second-semester plan (…第二学期,
/// 下学期, 春季学期) is all in the second year, which is then the plan's year. Any other plan follows its own order: a
/// month written after December is next year's.
/// </summary>
internal sealed partial record PlanYears(int? Year, bool SchoolYear, bool SecondSemester)
{
    private const int FirstAutumnMonth = 8;
    private const int MaxSchoolYearLine = 40;
    private const int LinesLooked = 5;

    /// <param name="title">The plan's title (<see cref="PlanTitle.Find"/>).</param>
    /// <param name="lines">The document, for a school year written on a line of its own under a title without one.</param>
    public static PlanYears Of(string? title, IReadOnlyList<PlanLine> lines)
    {
        if (SchoolYearIn(title) is { } inTitle) return inTitle;
        if (PlanTitle.Year(title) is { } year) return new PlanYears(year, SchoolYear: false, SecondSemester: false);
        foreach (var line in lines.Where(l => !l.IsBlank).Take(LinesLooked))
            if (line.Text.Length <= MaxSchoolYearLine && SchoolYearIn(line.Text.ToString()) is { } below) return below;
        return new PlanYears(null, SchoolYear: false, SecondSemester: false);
    }

    /// <summary>The month as the plan's year plus an offset (<see cref="PlanMonth.YearOffset"/>).</summary>
    /// <param name="afterDecember">A December came before it in the plan.</param>
    public PlanMonth Place(int month, bool afterDecember) =>
        SecondSemester ? new PlanMonth(month)
        : SchoolYear ? new PlanMonth(month, month < FirstAutumnMonth ? 1 : 0)
        : new PlanMonth(month, afterDecember && month < 12 ? 1 : 0);

    private static PlanYears? SchoolYearIn(string? text)
    {
        if (text is null) return null;
        var norm = PlanChars.Normalize(text);
        var m = SchoolYearSpan().Match(norm);
        if (!m.Success) return null;
        var first = int.Parse((m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).ValueSpan, CultureInfo.InvariantCulture);
        var second = Semester().IsMatch(norm);
        return new PlanYears(second ? first + 1 : first, SchoolYear: true, SecondSemester: second);
    }

    // 2016-2017学年度, 2016—17学年, 2016~2017年度, 2016学年 (a school year is named by the year it starts in).
    [GeneratedRegex(@"(?<!\d)(?:((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*(?:19|20)?\d{2}\s*(?:学年|年度|学期|年)|((?:19|20)\d{2})\s*学年)")]
    private static partial Regex SchoolYearSpan();

    [GeneratedRegex(@"第二学期|第2学期|下学期|春季学期|春学期")]
    private static partial Regex Semester();
}
