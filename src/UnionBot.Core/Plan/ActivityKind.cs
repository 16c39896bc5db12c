namespace UnionBot.Core.Plan;

/// <summary>
/// Whether an activity is an event teachers take part in and sign up for (乒乓球赛, 趣味运动会, 迎新春联欢, 暑期旅游,
/// 慰问退休教师) or the union's own task (财务内审, 会费收缴, 年度工作总结, 制定工作计划, 工会档案自查, 召开…会议).
/// Chinese names an activity head-last — 召开运动会筹备会议 is a meeting, 组织教职工参加乒乓球赛 a match — so of the
/// words found, the one that ends last decides. With neither kind of word, an item about a festival or called an
/// activity (…活动) is an event; anything else is a task, so nobody is asked to sign up for paperwork.
/// </summary>
public static class ActivityKind
{
    private static readonly string[] EventWords =
    [
        "赛", "运动会", "联欢", "晚会", "旅游", "游", "疗休养", "疗养", "休养", "踏青", "登山", "爬山", "徒步", "健步走", "骑行",
        "慰问", "讲座", "观影", "电影", "体检", "游园", "拔河", "跳绳", "表演", "演出", "展演", "摄影", "书画", "沙龙", "联谊",
        "团拜", "参观", "采摘", "合唱", "舞", "瑜伽", "趣味", "亲子", "托管", "兴趣班", "读书会", "庆祝", "活动", "义诊", "献血",
        "植树", "扫墓", "祭扫", "茶话会", "座谈会", "舞会", "卡拉OK", "节", "跑", "竞答", "展", "欢送", "欢迎会", "迎新",
        "志愿", "球", "棋", "插花", "汇演", "朗诵", "演讲", "太极", "健身", "手工", "烘焙", "茶艺", "分享会", "音乐会",
    ];

    private static readonly string[] TaskWords =
    [
        "内审", "审计", "会费", "收缴", "总结", "计划", "档案", "自查", "会议", "评选", "评比", "评优", "推荐", "上报", "检查",
        "布置", "换届", "选举", "统计", "台账", "筹备", "制定", "报表", "职代会", "教代会", "代表大会", "双代会", "工代会",
        "发放", "福利", "办理", "保险", "建家", "制作", "审议", "考核", "调整", "征集", "督促", "完善", "资料", "经费", "预算",
        "送温暖", "报送", "备案", "公示", "述职", "学习", "培训", "工作", "整理", "登记", "申报", "宣传",
    ];

    public static bool IsEvent(string title, string? festival)
    {
        var norm = PlanChars.Normalize(title);
        // "“三八”妇女节系列活动：（1）趣味运动会；（2）评选…": what comes before the colon names the activity, and what
        // follows lists its parts, so the head is the last word before the colon when there is one there.
        if (norm.IndexOf(':') is > 0 and var colon && norm[..colon] is var head && (LastEnd(head, EventWords) >= 0 || LastEnd(head, TaskWords) >= 0))
            norm = head;
        var lastEvent = LastEnd(norm, EventWords);
        var lastTask = LastEnd(norm, TaskWords);
        if (lastEvent > lastTask) return true;
        if (lastTask > lastEvent) return false;
        return festival is not null;
    }

    /// <summary>Where the last occurrence of any of the words ends, or -1.</summary>
    private static int LastEnd(string text, string[] words)
    {
        var end = -1;
        foreach (var w in words)
            if (text.LastIndexOf(w, StringComparison.Ordinal) is var i and >= 0) end = Math.Max(end, i + w.Length);
        return end;
    }
}
