using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>
/// Seed 003 (郑陆中心小学2013年工会工作计划), written by hand from "三、主要活动安排". 二月份 opens with two unnumbered
/// lines and then "3、": the plain lines fill the numbering, so they are items. Parentheses after 。 stay in the title.
/// </summary>
public static class Seed003
{
    public const string Title = "郑陆中心小学2013年工会工作计划";

    public static IReadOnlyList<PlanActivity> Activities { get; } =
    [
        new([M(2)], "慰问退休教师、家庭困难的教师", null),
        new([M(2)], "召开工会委员会议，通过本年度工会工作计划", null),
        new([M(2)], "协助学校做好新学期开学工作", null),
        new([M(3)], "庆祝“三八”妇女节活动", "womens-day"),
        new([M(3)], "教师微培训活动。（多媒体的使用和保护）", null),
        new([M(3)], "学科带头人、骨干教师教育沙龙活动", null),
        new([M(4)], "文明温馨办公室评比活动", null),
        new([M(4)], "组织健康知识讲座，组织教师进行健身活动", null),
        new([M(4)], "教师微培训活动。（微课的制作一）", null),
        new([M(5)], "师德征文及评选活动", null),
        new([M(5)], "教师微培训活动", null),
        new([M(6)], "教代会(民主评议校级领导)", null),
        new([M(6)], "配合行政做好教师对上半年度绩效工资的评定工作", null),
        new([M(6)], "配合学校行政做好期末质量调研工作", null),
        new([M(7), M(8)], "教师网上培训活动", null),
        new([M(7), M(8)], "组织中层领导管理工作研讨会", null),
        new([M(7), M(8)], "交流教师交接活动", null),
        new([M(9)], "“教师节”庆祝活动(在职、退休)", "teachers-day"),
        new([M(9)], "“第六个师德建设月”系列活动", null),
        new([M(9)], "教师微培训活动。（微课的制作二）", null),
        new([M(10)], "微课课件评比活动", null),
        new([M(10)], "教师讲堂活动。（艺术与生活）", null),
        new([M(10)], "庆祝第26个敬老节暨庆金婚活动", "double-ninth"),
        new([M(11)], "欢送退休教师会座谈会", null),
        new([M(11)], "“我在郑小的幸福故事”评比活动", null),
        new([M(11)], "教师讲堂活动。（享受音乐，健康生活）", null),
        new([M(12)], "学校工会工作总结", null),
        new([M(12)], "教师年度考核工作", null),
        new([M(12)], "“生态课题”沙龙活动", null),
        new([M(12)], "召开教代会，中层干部述职及评议", null),
        new([M(12)], "迎元旦教职工文体活动", "new-year"),
    ];

    private static PlanMonth M(int month) => new(month);
}
