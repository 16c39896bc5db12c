using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>
/// The activities of seed 000 (2023年学校工会工作计划书), written by hand from the document: its month-by-month
/// section "三、月份工作安排". Items that begin with a bare "." lost their digit in the original and are still items.
/// The parser's seed tests assert it item for item; the schedule's golden file is built from it.
/// </summary>
public static class Seed000
{
    public const string Title = "2023年学校工会工作计划书";

    public static IReadOnlyList<PlanActivity> Activities { get; } =
    [
        new([M(2)], "讨论制定工会工作计划", null),
        new([M(2)], "召开工会委员会议，明确工作目标", null),
        new([M(2)], "做好校务公开有关工作", null),
        new([M(2)], "参加市教育工会组织的\"教工论坛\"征文评比活动", null),
        new([M(2)], "制定\"好教师\"立功竞赛个人目标", null),
        new([M(3)], "\"三﹒八\"妇女节专题庆祝活动", "womens-day"),
        new([M(3)], "开展扶助困难学生完成学业的活动", null),
        new([M(3)], "学习\"新工会法\"、《教师法》、《中小学教师职业道德规范》结合实际交流心得体会", null),
        new([M(3)], "教学基本功评比", null),
        new([M(4)], "教学基本功竞赛", null),
        new([M(4)], "困难职工调查活动", null),
        new([M(5)], "庆祝\"五一\"国际劳动节", "labour-day"),
        new([M(5)], "发放教职工\"健康之友\"", null),
        new([M(5)], "师生同台文娱活动", null),
        new([M(6)], "\"好教师\"立功竞赛活动自查自纠，制定整改措施", null),
        new([M(6)], "征求教职工的合理化建议", null),
        new([M(6)], "召开教职工座谈会", null),
        new([M(7)], "组织财务内审", null),
        new([M(7)], "做好教代会的相关筹备工作，发放提案表", null),
        new([M(7)], "档案资料整理", null),
        new([M(8)], "庆祝党的生日九十周年", "party-day"),
        new([M(8)], "教职工职业道德专题讲座", null),
        new([M(8)], "召开教代会", null),
        new([M(9)], "教师节庆祝活动", "teachers-day"),
        new([M(9)], "组织\"师徒结对\"活动", null),
        new([M(9)], "工会干部培训工作", null),
        new([M(10)], "组织会员体检", null),
        new([M(10)], "教师趣味运动会", null),
        new([M(11)], "\"讲身边的事赞身边的人\"演讲活动", null),
        new([M(11)], "教职工\"健康之友\"专题讲座", null),
        new([M(12), M(1, 1)], "元旦庆祝活动", "new-year"),
        new([M(12), M(1, 1)], "开展送温暖、走访慰问活动", null),
        new([M(12), M(1, 1)], "\"好教师\"立功竞赛活动总结评比", null),
        new([M(12), M(1, 1)], "师生冬季长跑", null),
        new([M(12), M(1, 1)], "工会工作总结", null),
        new([M(12), M(1, 1)], "工会档案资料整理归档", null),
        new([M(12), M(1, 1)], "财务内审", null),
    ];

    /// <summary>The union's own tasks of the plan (no sign-up); every other activity is an event teachers sign up for.</summary>
    public static IReadOnlySet<string> UnionTasks { get; } = new HashSet<string>
    {
        "讨论制定工会工作计划",
        "召开工会委员会议，明确工作目标",
        "做好校务公开有关工作",
        "学习\"新工会法\"、《教师法》、《中小学教师职业道德规范》结合实际交流心得体会",
        "教学基本功评比",
        "发放教职工\"健康之友\"",
        "\"好教师\"立功竞赛活动自查自纠，制定整改措施",
        "征求教职工的合理化建议",
        "组织财务内审",
        "做好教代会的相关筹备工作，发放提案表",
        "档案资料整理",
        "召开教代会",
        "工会干部培训工作",
        "\"好教师\"立功竞赛活动总结评比",
        "工会工作总结",
        "工会档案资料整理归档",
        "财务内审",
    };

    public static AnnualPlan Plan { get; } = new(Title, 2023, Activities.Select(a => a with { SignUp = !UnionTasks.Contains(a.Title) }).ToList(), []);

    private static PlanMonth M(int month, int yearOffset = 0) => new(month, yearOffset);
}
