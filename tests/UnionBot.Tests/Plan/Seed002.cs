using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>
/// Seed 002, a collection of sample plans, written by hand from the document. Two schedules: 范本八 ends with one line
/// per month (一二月份:… — one line per month, split where ， or 、 separates activities that each have their own verb or
/// event, not where 、 joins the people of one activity), ended by the title of 范本九; 范本九 has
/// "活动安排:" with 二月 … 十二月 and 七、八月, where 十二月 restarts its numbering (1–2 then 1–4): all six are December's.
/// The title is the second line: the first is a long run-in paragraph.
/// </summary>
public static class Seed002
{
    public const string Title = "如何写学校工会工作总结及明年工作计划范本一（如何写学校工会工作总结及明年工作计划范本）";

    public static IReadOnlyList<PlanActivity> Activities { get; } =
    [
        new([M(1), M(2)], "召开职工代表大会", null),
        new([M(1), M(2)], "农历新年慰问退休教职工", "spring-festival"),
        new([M(3)], "庆祝“三八”节", "womens-day"),
        new([M(3)], "趣味运动会", null),
        new([M(4)], "扫墓", null),
        new([M(4)], "春游活动", null),
        new([M(5)], "参加学校运动会", null),
        new([M(6)], "举办教职工象棋赛", null),
        new([M(6)], "参加“六一”联欢", "childrens-day"),
        new([M(7), M(8)], "在职教工、退休教工送清凉活动", null),
        new([M(9)], "庆祝教师节文艺联欢", "teachers-day"),
        new([M(10)], "举办教职工乒乓球赛", null),
        new([M(11)], "冬季锻炼活动", null),
        new([M(12)], "迎新年联欢活动", "new-year"),

        new([M(2)], "制定工会工作计划", null, 1),
        new([M(2)], "召开工会会议:明确工会委员会成员的分工", null, 1),
        new([M(3)], "开展“三八”节庆祝活动", "womens-day", 1),
        new([M(3)], "配合政教处开展学“雷锋、树新风”活动", null, 1),
        new([M(3)], "统计退休教师信息", null, 1),
        new([M(4)], "开展乒乓球比赛", null, 1),
        new([M(4)], "读书节活动", null, 1),
        new([M(4)], "协助教务处开展青年教师风采展活动", null, 1),
        new([M(4)], "校园歌手大赛", null, 1),
        new([M(5)], "教学比赛活动;协助做好毕业班工作", null, 1),
        new([M(5)], "“六一”艺术节文艺节目评选", "childrens-day", 1),
        new([M(6)], "开展庆“六一”国际儿童节活动", "childrens-day", 1),
        new([M(6)], "迎接教学质量检测", null, 1),
        new([M(7), M(8)], "组织教职工体检", null, 1),
        new([M(7), M(8)], "组织教师外出学习、培训", null, 1),
        new([M(7), M(8)], "师德集训", null, 1),
        new([M(9)], "庆祝教师节活动", "teachers-day", 1),
        new([M(9)], "教师风采展", null, 1),
        new([M(10)], "庆祝国庆活动", "national-day", 1),
        new([M(10)], "重阳节:教师座谈会", "double-ninth", 1),
        new([M(11)], "协助教务处开展教学活动", null, 1),
        new([M(11)], "教代会准备工作", null, 1),
        new([M(11)], "体育竞技比赛活动", null, 1),
        new([M(12)], "召开教代会", null, 1),
        new([M(12)], "迎接教育目标年度考核", null, 1),
        new([M(12)], "元旦庆祝活动", "new-year", 1),
        new([M(12)], "评选优秀教师", null, 1),
        new([M(12)], "开展送温暖活动", null, 1),
        new([M(12)], "校委会成员给教职工拜年", null, 1),
    ];

    private static PlanMonth M(int month) => new(month);
}
