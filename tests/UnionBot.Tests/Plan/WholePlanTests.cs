using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Whole plans in layouts the seeds do not use, read end to end with their festivals.</summary>
public sealed class WholePlanTests
{
    [Fact]
    public void ASchoolYearPlanWithSignOffGivesItsMonthsFromSeptember()
    {
        var plan = PlanParser.Parse("""
            XX中学2024-2025学年度工会工作计划
            一、指导思想
            以习近平新时代中国特色社会主义思想为指导，团结广大教职工。
            二、工作目标
            1、加强自身建设。
            五、具体工作安排
            九月份：
            1、庆祝第40个教师节，表彰优秀教师。
            2、组织新教师入职培训。
            十月份：
            1、庆祝国庆节，组织教职工登山比赛。
            2、重阳节慰问退休教师。
            十二月份：
            1、迎新年教职工联欢会。
            元月份：
            1、春节前走访慰问退休老教师。
            六、工作要求
            1、各小组要认真落实。
            XX中学工会
            2024年9月1日
            """);
        Assert.Equal(2024, plan.Year);
        Assert.Equal(["9:庆祝第40个教师节，表彰优秀教师", "9:组织新教师入职培训", "10:庆祝国庆节，组织教职工登山比赛",
            "10:重阳节慰问退休教师", "12:迎新年教职工联欢会", "1':春节前走访慰问退休老教师"], PlanAssert.Brief(plan));
        Assert.Equal(["teachers-day", null, "national-day", "double-ninth", "new-year", "spring-festival"],
            plan.Activities.Select(a => a.Festival));
    }

    [Fact]
    public void ATableOfMonthsAndActivitiesSeparatedBySpacesIsASchedule()
    {
        var plan = PlanParser.Parse("2024年工会活动安排表\n月份        活动内容\n3月         三八妇女节活动\n4月\t春季健步走\n5月         “五一”劳动节表彰\n");
        Assert.Equal(["3:三八妇女节活动", "4:春季健步走", "5:“五一”劳动节表彰"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void AMarkdownPlanWithBulletsIsRead()
    {
        var plan = PlanParser.Parse("# 2025年工会工作计划\n\n## 三月\n- 庆祝三八节\n- 植树活动\n\n## 四月\n* 春游\n");
        Assert.Equal("2025年工会工作计划", plan.Title);
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:春游"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void NumberedMonthLinesWithTheirActivityAreOneItemEach()
    {
        var plan = PlanParser.Parse("工会工作计划\n二、活动安排\n1．三月份：庆祝“三八”国际妇女节。\n2．四月份：组织教职工春季运动会。\n3．九月份：教师节庆祝大会。\n三、保障措施\n1.加强领导\n");
        Assert.Equal(["3:庆祝“三八”国际妇女节", "4:组织教职工春季运动会", "9:教师节庆祝大会"], PlanAssert.Brief(plan));
    }
}
