using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>
/// Seed 004 (武进区漕桥小学工会委员会2022年度工作计划), written by hand from "四、具体月份工作安排". U+3000 indentation and
/// blank lines everywhere; "3开展168爱生行动" has lost its separator; in 九月份 "活动主题：（待定）" sits between items 2
/// and 3 and is a detail, not an activity; a second 一月份 after 十二月份 is next January (YearOffset 1).
/// </summary>
public static class Seed004
{
    public const string Title = "武进区漕桥小学工会委员会2022年度工作计划";

    public static IReadOnlyList<PlanActivity> Activities { get; } =
    [
        new([M(1)], "组织开展防疫宣传志愿者活动", null),
        new([M(1)], "慰问特困及重病教职工", null),
        new([M(1)], "工会换届选举，成立新一届工会委员会", null),
        new([M(1)], "召开党政工联席会议，基层委员会议，共商新学年工会年度主要工作", null),
        new([M(1)], "制定2021年度工会工作计划", null),
        new([M(2)], "开展防疫宣传志愿者活动", null),
        new([M(2)], "配合行政搞好开学前的各项防疫消杀等准备工作", null),
        new([M(2)], "开展校级“2022, 向美而行”故事征文比赛活动", null),
        new([M(3)], "庆“三八”系列活动", "womens-day"),
        new([M(3)], "配合德育部门组织教师开展大走访活动", null),
        new([M(3)], "疫情控制许可的情况下，组织教师春游", null),
        new([M(3)], "工会年度考核", null),
        new([M(4)], "开展168爱生行动（大家访）", null),
        new([M(4)], "组织教师开展“薪火志愿者”服务活动", null),
        new([M(4)], "召开基层工会委员会议，回顾总结上阶段工作，改进和完善下阶段工作", null),
        new([M(5)], "召开七届二次教代会", null),
        new([M(5)], "开展民主评议校级领导活动", null),
        new([M(5)], "开展168爱生行动（大家访）", null),
        new([M(5)], "开展“道德讲堂”活动（中年级组）", null),
        new([M(5)], "欢送教师光荣退休（何达明）", null),
        new([M(5)], "做好退休教师体检工作", null),
        new([M(6)], "做好“薪火志愿者”服务活动", null),
        new([M(6)], "组织会员参加线上培训活动", null),
        new([M(6)], "做好学期师德考核和“师德标兵”评选", null),
        new([M(6)], "配合行政搞好小学毕业考试工作", null),
        new([M(6)], "做好在职教职工体检工作", null),
        new([M(6)], "做好教职工年度考核工作", null),
        new([M(7)], "配合行政搞好期末结束工作和暑假生活安排", null),
        new([M(7)], "夏送清凉——走访慰问困难职工和生病住院的老师", null),
        new([M(7)], "召开党政工联席会议，回顾总结学期工会工作，改进和完善下学期工作", null),
        new([M(8)], "利用暑假好好给自己“充电”——参加名师大讲堂培训活动", null),
        new([M(8)], "采访撰写“爱生模范”师德故事，拍摄师德故事微视频", null),
        new([M(8)], "筹备承办潘家小学教育集团第38个教师节庆祝活动", "teachers-day"),
        new([M(9)], "集团第38个教师节庆祝活动", "teachers-day"),
        new([M(9)], "第十五个“师德建设月”启动", null),
        new([M(9)], "参加武进区教育系统第38个教师节庆祝活动", "teachers-day"),
        new([M(10)], "自查互查：是否存在有偿补课现象", null),
        new([M(10)], "签订“拒绝有偿补课”公开承诺书", null),
        new([M(10)], "开展“六个一”专项行动", null),
        new([M(10)], "开展“学习模范张桂梅”师德宣讲活动", null),
        new([M(10)], "欢迎退休教师“回家”团圆，庆祝重阳佳节", "double-ninth"),
        new([M(10)], "组织开展气排球训练", null),
        new([M(10)], "欢送教师光荣退休（曾秋平、程正平、钱小文）", null),
        new([M(11)], "继续开展气排球常规训练", null),
        new([M(11)], "选派代表参加区“校长杯”乒乓球比赛", null),
        new([M(11)], "组织教师开展秋游活动", null),
        new([M(11)], "开展“道德讲堂”活动（五年级组）", null),
        new([M(12)], "接受区“师德师风建设”专项督查", null),
        new([M(12)], "“2022， 向美而行”故事征文比赛结果揭晓，择优向教育局推荐", null),
        new([M(12)], "做好年度师德考核工作", null),
        new([M(12)], "举行教工运动会", null),
        new([M(1, 1)], "召开党政工联席会议，基层工会委员会议，回顾总结年度工会工作", null),
        new([M(1, 1)], "开展全员“评家”活动", null),
        new([M(1, 1)], "举行退休教师团拜会，共庆新年", "new-year"),
    ];

    private static PlanMonth M(int month, int yearOffset = 0) => new(month, yearOffset);
}
