namespace UnionBot.Core.Plan;

/// <summary>
/// The words by which a phrase names something done: a verb people open an item with (召开, 组织, 慰问, 发放 …) or an
/// event (…会, …赛, 联欢, 旅游, 讲座 …). A phrase with none of them names people or things ("在职教工").
/// </summary>
internal static class ActivityWords
{
    private static readonly string[] Verbs =
    [
        "召开", "举办", "举行", "开展", "组织", "参加", "参与", "庆祝", "庆", "慰问", "看望", "走访", "发放", "评选", "评比", "推荐",
        "上报", "检查", "布置", "制定", "拟定", "收缴", "审计", "内审", "总结", "选举", "迎接", "办理", "支持", "出席", "征集",
        "扫墓", "祭扫", "春游", "秋游", "踏青", "旅游", "疗养", "休养", "参观", "学习", "表彰", "培训", "宣传", "送", "迎", "欢度",
        "观看", "观影", "健步走", "体检", "登山", "植树", "献血", "讲座", "开题", "开展", "落实", "做好", "完成", "筹备", "成立",
        "服务", "拓展", "联谊", "团建", "义诊",
    ];

    private static readonly string[] Events =
    [
        "会", "赛", "活动", "节", "联欢", "游", "讲座", "晚会", "福利", "工作", "仪式", "比赛", "演出", "展", "课", "日", "月",
    ];

    public static bool NamesActivity(ReadOnlySpan<char> text)
    {
        var norm = PlanChars.Normalize(text.ToString());
        foreach (var v in Verbs)
            if (norm.Contains(v, StringComparison.Ordinal)) return true;
        foreach (var e in Events)
            if (norm.Contains(e, StringComparison.Ordinal)) return true;
        return false;
    }
}
