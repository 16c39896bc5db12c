using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;

namespace UnionBot.Tests.Plan;

/// <summary>
/// A school-year plan (学年度) runs from autumn to summer: each month is placed in the calendar year it falls in, so
/// January to July are the second year's and a second-semester plan is the second year's altogether.
/// </summary>
public sealed class SchoolYearTests
{
    private static string[] Placed(string text)
    {
        var plan = PlanParser.Parse(text);
        return plan.Activities.Select(a => string.Join('+', a.Months.Select(m => ScheduleBuilder.Place(m, plan.Year!.Value))
            .Select(c => $"{c.Year}-{c.Month:D2}")) + ":" + a.Title).ToArray();
    }

    [Fact]
    public void AWholeSchoolYearPutsAutumnInTheFirstYearAndSpringAndSummerInTheSecond() =>
        Assert.Equal(["2016-08:开学工作会议", "2016-09:庆祝教师节", "2017-01:迎新春联欢", "2017-03:庆祝三八节", "2017-07:暑期疗休养"],
            Placed("2016-2017学年度学校工会工作计划\n八月份：\n1.开学工作会议\n九月份：\n1.庆祝教师节\n元月：\n1.迎新春联欢\n三月份：\n1.庆祝三八节\n七月份：\n1.暑期疗休养\n"));

    [Fact]
    public void AFirstSemesterPlansJanuaryIsTheSecondYearsEvenWithoutADecemberBeforeIt() =>
        Assert.Equal(["2016-09:庆祝教师节", "2016-11:趣味运动会", "2017-01:期末慰问"],
            Placed("2016-2017学年度第一学期工会工作计划\n九月份：\n1.庆祝教师节\n十一月份：\n1.趣味运动会\n一月份：\n1.期末慰问\n"));

    [Theory]
    [InlineData("2016-2017学年度第二学期工会工作计划")]
    [InlineData("2016—17学年下学期学校工会工作计划")]
    [InlineData("2016学年第二学期工会工作计划")]
    [InlineData("2016~2017年度春季学期工会工作计划")]
    public void ASecondSemesterPlanIsAllInTheSecondYear(string title)
    {
        var text = $"{title}\n二月份：\n1.开学慰问\n三月份：\n1.庆祝三八节\n七月份：\n1.暑期疗休养\n";
        Assert.Equal(2017, PlanParser.Parse(text).Year);
        Assert.Equal(["2017-02:开学慰问", "2017-03:庆祝三八节", "2017-07:暑期疗休养"], Placed(text));
    }

    [Fact]
    public void ASchoolYearOnTheLineUnderATitleWithoutOneCounts()
    {
        var text = "实验小学工会工作计划\n（2016-2017学年度第二学期）\n三月份：\n1.庆祝三八节\n四月份：\n1.春游\n";
        Assert.Equal(2017, PlanParser.Parse(text).Year);
        Assert.Equal(["2017-03:庆祝三八节", "2017-04:春游"], Placed(text));
    }

    [Theory]
    [InlineData("二〇一六年学校工会工作计划")]
    [InlineData("2016年学校工会工作计划")]
    [InlineData("2016年度学校工会工作计划")]
    public void ACalendarYearPlanFollowsItsOwnOrderAcrossDecember(string title) =>
        Assert.Equal(["2016-03:庆祝三八节", "2016-12+2017-01:迎新春联欢", "2017-01:期末慰问"],
            Placed($"{title}\n三月份：\n1.庆祝三八节\n十二月、元月：\n1.迎新春联欢\n一月份：\n1.期末慰问\n"));
}
