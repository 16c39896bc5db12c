using System.Text.RegularExpressions;

namespace UnionBot.Core.Plan;

/// <summary>
/// The signals that a schedule is over: the next top-level section (五、…) that does not continue the month's own
/// 一、二、 numbering, a markdown heading, 备注/附件/注：, copyright and source lines, a date line, the title of the next plan in a
/// collection, a long prose paragraph, or any plain line after a schedule whose months are all one-liners.
/// </summary>
internal static partial class ScheduleEnd
{
    private const int ProseLength = 80;
    private const int MaxLookAhead = 30;

    /// <param name="lines">The document, for a look past a long paragraph.</param>
    /// <param name="index">Where <paramref name="line"/> is in it.</param>
    /// <param name="oneLineMonths">Whether every month so far, the current one included, is a single heading line with its item.</param>
    public static bool Ends(IReadOnlyList<PlanLine> lines, int index, ItemMarker? marker, MonthBlock current, int months, bool oneLineMonths)
    {
        var line = lines[index];
        var text = line.Text;
        // A markdown heading that is not a month opens the next part of the document (## 工作要求).
        if (line.IsMarkdownHeading) return true;
        if (marker is { IsOutline: true } outline) return !Continues(current, outline);
        if (Appendix().IsMatch(text) || Article().IsMatch(text)) return true;
        if (marker is not null && !marker.Value.IsBareDigit) return false;
        if (Source().IsMatch(text) || DateLine().IsMatch(text) || IsDocumentTitle(text) || Closing().IsMatch(text) || Signature().IsMatch(text) && !TitleVerb().IsMatch(text)) return true;
        // 一二月份:召开… / 三月份:庆祝… — when every month so far is one line, a plain line is no longer the schedule.
        if (months >= 2 && oneLineMonths) return true;
        return text.Length >= ProseLength && !ScheduleGoesOn(lines, index, current);
    }

    /// <summary>
    /// A long paragraph may be the detail of an item or the plan's closing words. It is detail when the next numbered
    /// line carries on the month's count, or the next month (or the end of the text) comes first.
    /// </summary>
    private static bool ScheduleGoesOn(IReadOnlyList<PlanLine> lines, int index, MonthBlock current)
    {
        var looked = 0;
        for (var i = index + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) continue;
            // Pages of prose with no numbered line or month in sight are not a schedule (and the look stays short).
            if (++looked > MaxLookAhead) return false;
            if (MonthHeading.TryRead(line.Norm, line.Start, out _, out _)) return true;
            if (!ItemMarker.TryRead(line.Norm, line.Start, out var next) || next.IsBareDigit) continue;
            if (next.IsOutline) return Continues(current, next);
            return next.Number is null || next.Number == (current.LastMarker?.Number ?? 0) + 1;
        }
        return true;
    }

    /// <summary>第一学期 / 下半年: groups months; neither an activity nor an end.</summary>
    public static bool IsGroupHeader(ReadOnlySpan<char> text) => GroupHeader().IsMatch(text);

    /// <summary>活动主题：… 时间：… — a detail of the item above, never an activity of its own.</summary>
    public static bool IsNote(ReadOnlySpan<char> text) => Note().IsMatch(text);

    /// <summary>
    /// The item without what a flattened table's side column or a note after it adds ("三八节女教工活动    负责人：王老师",
    /// "召开教代会，时间：3月中旬"): who is in charge, who takes part, when and where are not part of the activity's name.
    /// </summary>
    public static string WithoutSideNote(string item)
    {
        var m = SideNote().Match(item);
        if (!m.Success) return item;
        var name = item[..m.Index].TrimEnd(' ', '\t', '\u3000', ',', '，', ';', '；', '。');
        return name.Any(char.IsLetterOrDigit) ? name : item; // nothing before the note: the item is all there is
    }

    private static bool Continues(MonthBlock current, ItemMarker outline)
    {
        if (current.LastMarker is not { } last) return outline.Number == 1;
        return last.Family == outline.Family && last.Number + 1 == outline.Number;
    }

    /// <summary>如何写学校工会工作总结及明年工作计划范本九（…） or 学期工会工作计划 篇二: — not 讨论制定工会工作计划.</summary>
    private static bool IsDocumentTitle(ReadOnlySpan<char> text) =>
        text.Length is >= 6 and <= 90 && DocumentTitle().IsMatch(text) && TitleScope().IsMatch(text) && !TitleVerb().IsMatch(text) && !SentencePunctuation().IsMatch(text);

    [GeneratedRegex(@"^(?:备注|附件|附表|附录|附\s*[:：]|注\s*[:：]|说明\s*[:：])")]
    private static partial Regex Appendix();

    // Copyright and "source" lines pasted from the web; a URL only when the line starts with it (an item may name a site).
    [GeneratedRegex(@"©|copyright|all rights reserved|版权所有|版权归|ICP备|本文来源|文章来源|^来源\s*[:：]|转载请|责任编辑|^(?:https?://|www\.)", RegexOptions.IgnoreCase)]
    private static partial Regex Source();

    [GeneratedRegex(@"^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*[日号])?$")]
    private static partial Regex DateLine();

    // 第一条 / 第二章 / 第三部分 / 第二篇, and the separators of a collection: 【篇二】 篇三： 范文四 范本五.
    [GeneratedRegex(@"^(?:第[一二三四五六七八九十百\d]+[条章部篇]|[【\[(]?(?:篇|范文|范本)[一二三四五六七八九十\d]+(?:[】\])]|\s|[:：]|$))")]
    private static partial Regex Article();

    [GeneratedRegex(@"^(?:[(（]?[一二三四][)）、.]?)?\s*(?:第[一二]学期|上学期|下学期|上半年|下半年|春季学期|秋季学期)(?:工作)?(?:安排)?\s*[:：]?$")]
    private static partial Regex GroupHeader();

    /// <summary>以上安排如有变动，另行通知。 — the author's closing remark.</summary>
    [GeneratedRegex(@"^(?:以上|上述|本计划|本安排|如有变动|具体(?:时间|安排)以)")]
    private static partial Regex Closing();

    /// <summary>XX小学工会 / 漕桥小学工会委员会 — the sign-off under the plan.</summary>
    [GeneratedRegex(@"^[^\s，。；,;:：]{0,20}(?:工会|工会委员会|工会小组)$")]
    private static partial Regex Signature();

    /// <summary>Labels of who is in charge, who takes part, when and where: a note under an item, or a side note after it.</summary>
    private const string WhoWhenWhere = "负责人|负责部门|责任人|责任部门|牵头部门|牵头人|参加人员|参加对象|参与人员|参与对象|参加范围|时间|地点";

    [GeneratedRegex(@"^(?:活动)?(?:" + WhoWhenWhere + @"|主题|负责|对象|形式|方式|要求|目的|经费)\s*[:：]")]
    private static partial Regex Note();

    [GeneratedRegex(@"(?:[\s\u3000]+|[,，;；。][\s\u3000]*)(?:活动)?(?:" + WhoWhenWhere + @")[\s\u3000]*[:：]")]
    private static partial Regex SideNote();

    [GeneratedRegex(@"(?:计划书?|总结|要点)(?:范本.*|[(（].*[)）]|\s*[(（]?[篇第].*|\s*\d+)?\s*[:：]?$")]
    private static partial Regex DocumentTitle();

    [GeneratedRegex(@"\d{4}|[〇零一二三四五六七八九]{4}|范本|篇|精选|年度|学年|学期|小学|中学|大学|学院|幼儿园|中心校")]
    private static partial Regex TitleScope();

    [GeneratedRegex(@"^(?:制定|讨论|召开|做好|完成|通过|成立|换届|选举|慰问|走访|筹建|修订|修改|拟定|起草|学习|撰写|上报|提交|审议|审定|公布|公示|落实|执行|部署|研究|商议|布置|交流|汇报|传达|组织|开展|参加|举行|举办)")]
    private static partial Regex TitleVerb();

    [GeneratedRegex(@"[，,。；;！!]")]
    private static partial Regex SentencePunctuation();
}
