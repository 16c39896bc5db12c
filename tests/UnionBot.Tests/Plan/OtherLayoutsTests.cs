using UnionBot.Core.Plan;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>
/// Whole plans written in layouts the corpus does not have: a schedule by quarters, month ranges typed with every kind
/// of dash, a markdown table with a row-number column, a list of dated items with no month headings at all, and Word
/// versions of the quarters and of a table.
/// </summary>
public sealed class OtherLayoutsTests
{
    private static string[] Parse(string text) => PlanAssert.Brief(PlanParser.Parse(text));

    [Fact]
    public void AScheduleByQuartersGivesEachItemTheQuartersThreeMonths()
    {
        var plan = PlanParser.Parse("""
            阳光中学2025年工会工作计划
            一、指导思想
            以习近平新时代中国特色社会主义思想为指导，围绕学校中心工作，发挥工会桥梁纽带作用。
            二、主要工作
            1. 加强教职工思想政治建设。
            2. 推进校务公开和民主管理。
            三、工作安排
            第一季度（1—3月）
            1. 召开第五届教代会第三次会议
            2. 春节前走访慰问退休教职工
            3. “三八”妇女节女教职工登山活动
            第二季度（4—6月）
            1. 教职工趣味运动会
            2. 端午节包粽子比赛
            3. 会费收缴
            第三季度（7—9月）
            1. 暑期教职工疗休养
            2. 庆祝教师节表彰大会
            第四季度（10—12月）
            1. 重阳节慰问退休教师
            2. 年度工作总结
            四、保障措施
            1. 加强组织领导。
            """);
        Assert.Equal(2025, plan.Year);
        Assert.Equal(["1+2+3:召开第五届教代会第三次会议", "1+2+3:春节前走访慰问退休教职工", "1+2+3:“三八”妇女节女教职工登山活动",
            "4+5+6:教职工趣味运动会", "4+5+6:端午节包粽子比赛", "4+5+6:会费收缴", "7+8+9:暑期教职工疗休养", "7+8+9:庆祝教师节表彰大会",
            "10+11+12:重阳节慰问退休教师", "10+11+12:年度工作总结"], PlanAssert.Brief(plan));
        Assert.Equal([false, true, true, true, true, false, true, true, true, false], plan.Activities.Select(a => a.SignUp));
    }

    [Theory]
    [InlineData("一季度：", "二季度：", "三季度：")]
    [InlineData("第1季度", "第2季度", "第3季度")]
    [InlineData("【第一季度】", "【第二季度】", "【第三季度】")]
    [InlineData("第一季度(1-3月份):", "第二季度(4-6月份):", "第三季度(7-9月份):")]
    public void AQuarterHeadingIsReadInAnySpelling(string first, string second, string third) =>
        Assert.Equal(["1+2+3:迎新春联欢会", "4+5+6:春季健步走", "7+8+9:暑期疗休养"],
            Parse($"{first}\n1、迎新春联欢会\n{second}\n1、春季健步走\n{third}\n1、暑期疗休养\n"));

    [Fact]
    public void AQuarterInsideASentenceIsNotAHeading() =>
        Assert.Equal(["3:庆祝三八节", "3:第二季度组织教职工趣味运动会", "4:春游"],
            Parse("三月份：\n1.庆祝三八节\n2.第二季度组织教职工趣味运动会\n四月份：\n1.春游\n"));

    [Fact]
    public void MonthRangesTypedWithAnyDashTildeOrWordAreRead()
    {
        var plan = PlanParser.Parse("""
            2026年实验小学工会工作计划
            具体活动安排：
            2026年1月－2月：迎新春联欢会，走访慰问困难教职工
            3月—4月：三八节女教职工插花活动；春季健步走
            5月~6月
            1、教职工羽毛球比赛
            2、端午节包粽子活动
            7月–8月：暑期疗休养
            9月至10月：
            1、教师节座谈会
            11月―12月：
            1、教职工体检
            2、会费收缴

            实验小学工会
            2026年1月5日
            """);
        Assert.Equal(["1+2:迎新春联欢会", "1+2:走访慰问困难教职工", "3+4:三八节女教职工插花活动", "3+4:春季健步走",
            "5+6:教职工羽毛球比赛", "5+6:端午节包粽子活动", "7+8:暑期疗休养", "9+10:教师节座谈会", "11+12:教职工体检",
            "11+12:会费收缴"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void AMarkdownTableWithARowNumberColumnKeepsEachMonthRangeAndSplitsACellAtItsSemicolons()
    {
        var plan = PlanParser.Parse("""
            # 2026年第一中学工会工作计划

            ## 二、活动安排

            | 序号 | 月份 | 活动内容 | 负责人 |
            | --- | --- | --- | --- |
            | 1 | 3月 | 三八妇女节女教职工插花活动 | 张老师 |
            | 2 | 4月 | 春季健步走 | 李老师 |
            | 3 | 5月—6月 | 教职工羽毛球赛；端午节慰问 | 王老师 |
            | 4 | 9月 | 教师节表彰大会 | 工会主席 |
            | 5 | 12月 | 迎新年联欢会 | 全体委员 |

            ## 三、保障措施

            经费由学校工会经费列支。
            """);
        Assert.Equal(["3:三八妇女节女教职工插花活动", "4:春季健步走", "5+6:教职工羽毛球赛", "5+6:端午节慰问", "9:教师节表彰大会",
            "12:迎新年联欢会"], PlanAssert.Brief(plan));
        Assert.Equal(["womens-day", null, null, "dragon-boat", "teachers-day", "new-year"], plan.Activities.Select(a => a.Festival));
    }

    [Fact]
    public void AListOfDatedItemsWithoutMonthHeadingsGivesEachItemItsMonth()
    {
        var plan = PlanParser.Parse("""
            新城小学2026年工会活动安排

            3月8日 三八节女教职工登山活动
            4月上旬 春季健步走
            5月20日—5月25日 教职工羽毛球比赛
            6月 端午节包粽子
            9月10日：教师节表彰大会
            10月下旬 重阳节慰问退休教师
            12月31日 迎新年联欢会

            新城小学工会
            2026年2月
            """);
        Assert.Equal(["3:三八节女教职工登山活动", "4:春季健步走", "5:教职工羽毛球比赛", "6:端午节包粽子", "9:教师节表彰大会",
            "10:重阳节慰问退休教师", "12:迎新年联欢会"], PlanAssert.Brief(plan));
        Assert.Equal(["womens-day", null, null, "dragon-boat", "teachers-day", "double-ninth", "new-year"], plan.Activities.Select(a => a.Festival));
    }

    [Fact]
    public void ADatedLineUnderItsOwnMonthsHeadingIsOneOfThatMonthsItems() =>
        Assert.Equal(["3:3月8日 庆祝三八节", "3:3月12日 植树活动", "4:春游"], Parse("三月份：\n3月8日 庆祝三八节\n3月12日 植树活动\n四月份：\n1.春游\n"));

    [Theory]
    [InlineData("3月下旬至4月上旬 春季健步走", "3+4")]
    [InlineData("5月20日—25日：羽毛球比赛", "5")]
    [InlineData("十月第二周 重阳节慰问", "10")]
    [InlineData("2026年6月1日 六一亲子活动", "6")]
    [InlineData("5月1日前：五一劳模表彰", "5")]
    [InlineData("5月前：上报先进材料", "5")]
    [InlineData("6月底以前 上报半年工作总结", "6")]
    [InlineData("10月中旬左右：重阳节慰问", "10")]
    [InlineData("（3月8日）三八节女教工活动", "3")]
    [InlineData("【4月上旬】春季健步走", "4")]
    public void ADayOrPartOfTheMonthSetOffFromItsItemDatesIt(string line, string months)
    {
        var brief = Parse($"{line}\n12月31日 迎新年联欢会\n");
        Assert.Equal(2, brief.Length);
        Assert.StartsWith(months + ":", brief[0]);
        Assert.DoesNotContain("月", brief[0][(months.Length + 1)..]);
    }

    [Fact]
    public void AWordPlanByQuartersWithAutomaticOutlineNumberingGivesEachItemTheQuartersMonths()
    {
        var doc = new DocxBuilder();
        var outline = doc.List(("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."));
        doc.Paragraph("育才小学2026年工会工作计划")
            .Paragraph("指导思想", outline).Paragraph("坚持服务教职工，推进学校民主管理。")
            .Paragraph("工作安排", outline)
            .Paragraph("第一季度（1—3月）", outline, 1).Paragraph("召开教职工代表大会", outline, 2).Paragraph("三八节女教职工健步走", outline, 2)
            .Paragraph("第二季度（4—6月）", outline, 1).Paragraph("教职工气排球比赛", outline, 2).Paragraph("财务内审", outline, 2)
            .Paragraph("保障措施", outline).Paragraph("加强组织领导。");
        var plan = PlanReader.Read(doc.Build(), "plan.docx");
        Assert.Equal(2026, plan.Year);
        Assert.Equal(["1+2+3:召开教职工代表大会", "1+2+3:三八节女教职工健步走", "4+5+6:教职工气排球比赛", "4+5+6:财务内审"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void AWordTableWithDatedTimeCellsARangeAMergedCellAndSemicolonsGivesOneItemPerActivity()
    {
        var doc = new DocxBuilder().Paragraph("2026年工会活动安排表").Table(
            ["序号", "时间", "活动内容", "参加范围"],
            ["1", "3月8日", "三八节插花活动", "女教职工"],
            ["2", "5月—6月", "羽毛球赛；端午节慰问", "全体教职工"],
            ["3", "^", "乒乓球赛", "自愿报名"],
            ["4", "9月上旬", "教师节表彰大会", "全体教职工"]);
        var plan = PlanReader.Read(doc.Build(), "plan.docx");
        Assert.Equal(["3:三八节插花活动", "5+6:羽毛球赛", "5+6:端午节慰问", "5+6:乒乓球赛", "9:教师节表彰大会"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void AMarkdownHeadingAfterAMarkdownTableEndsTheSchedule()
    {
        var plan = PlanParser.Parse("""
            # 二〇二六年XX小学工会工作计划

            ## 活动安排

            | 月份 | 活动 |
            |:---:|:---|
            | 一月 | 迎新春教职工联欢会 |
            | 四月、五月 | 教职工趣味运动会 |
            | 九月 | 教师节慰问 |

            ## 工作要求
            1. 各组认真落实。
            2. 及时总结上报。
            """);
        Assert.Equal(2026, plan.Year);
        Assert.Equal(["1:迎新春教职工联欢会", "4+5:教职工趣味运动会", "9:教师节慰问"], PlanAssert.Brief(plan));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void ANumberedItemAboutTwoFestivalsIsTwoActivitiesSoNeitherGreetingIsLost()
    {
        var plan = PlanParser.Parse("五月份：\n1、端午节慰问；中秋节慰问\n2、教学比赛活动;协助做好毕业班工作\n3、庆祝教师节，表彰优秀教师\n" +
            "十二月份：\n1、迎新年联欢会；元旦慰问退休教师\n");
        Assert.Equal(["5:端午节慰问", "5:中秋节慰问", "5:教学比赛活动;协助做好毕业班工作", "5:庆祝教师节，表彰优秀教师",
            "12:迎新年联欢会；元旦慰问退休教师"], PlanAssert.Brief(plan));
        Assert.Equal(["dragon-boat", "mid-autumn", null, "teachers-day", "new-year"], plan.Activities.Select(a => a.Festival));
    }

    [Fact]
    public void MonthsMarkedWithSymbolsAndItemsWithAnyBulletAreRead()
    {
        var plan = PlanParser.Parse("""
            城南中学2026年工会工作要点
            一、加强思想建设
            略
            二、全年活动安排
            ◆ 三月份
            ● 庆祝“三八”妇女节，组织女教职工踏青
            ● 植树节义务植树
            ◆ 四月份
            ■ 春季教职工运动会
            ◆ 九、十月份
            ▲ 教师节慰问全体教师
            ▲ 国庆、中秋联欢会
            ◆ 十二月份
            ※ 迎新年文艺汇演
            √ 会费收缴
            三、工作要求
            """);
        Assert.Equal(["3:庆祝“三八”妇女节，组织女教职工踏青", "3:植树节义务植树", "4:春季教职工运动会", "9+10:教师节慰问全体教师",
            "9+10:国庆、中秋联欢会", "12:迎新年文艺汇演", "12:会费收缴"], PlanAssert.Brief(plan));
    }

    [Theory]
    [InlineData("九月：国庆、中秋联欢会；教师节慰问\n", "9:国庆、中秋联欢会|9:教师节慰问")]
    [InlineData("一月：春节、元旦慰问退休教师，召开教代会\n", "1:春节、元旦慰问退休教师|1:召开教代会")]
    public void AFestivalsBareNameBeforeAnActivityIsWhatItCelebratesNotAnActivity(string line, string expected) =>
        Assert.Equal([.. expected.Split('|'), "10:重阳节慰问"], Parse(line + "十月：重阳节慰问\n"));

    [Fact]
    public void AMonthHeadingBetweenTwoDecorativeMarksIsAHeading()
    {
        var plan = PlanParser.Parse("""
            # 2026年工会工作计划
            ## 二、月度活动安排
            ### ★三月★
            - 学雷锋志愿服务
            ### ◆四月份◆
            - 春季运动会
            ### ※五月※：
            - 教职工合唱比赛
            ## 三、保障措施
            """);
        Assert.Equal(["3:学雷锋志愿服务", "4:春季运动会", "5:教职工合唱比赛"], PlanAssert.Brief(plan));
    }

    [Theory]
    [InlineData("【", "】")]
    [InlineData("〖", "〗")]
    [InlineData("《", "》")]
    [InlineData("<", ">")]
    [InlineData("「", "」")]
    [InlineData("（", "）")]
    public void AMonthHeadingInBracketsOfAnyKindIsAHeading(string open, string close) =>
        Assert.Equal(["5:教职工气排球比赛", "5:劳模座谈会", "6:端午节包粽子活动"],
            Parse($"2027年工会工作计划\n{open}五月{close}\n1、教职工气排球比赛\n2、劳模座谈会\n{open}六月{close}\n1、端午节包粽子活动\n"));

    [Theory]
    [InlineData("三月份：\n（1）三八节女教工插花活动（2）学雷锋志愿服务\n", "3:三八节女教工插花活动|3:学雷锋志愿服务")]
    [InlineData("三月份：\n(一)三八节女教工插花活动(二)学雷锋志愿服务\n", "3:三八节女教工插花活动|3:学雷锋志愿服务")]
    [InlineData("三月份：\n（1）参加区运动会（3）项比赛\n", "3:参加区运动会（3）项比赛")]
    public void BracketedNumbersRunTogetherOnOneLineAreItemsOfTheirOwn(string lines, string expected) =>
        Assert.Equal([.. expected.Split('|'), "4:春季运动会"], Parse(lines + "四月份：春季运动会\n"));

    [Fact]
    public void NumberedItemsOpenedByTheirMonthAndACommaAreDatedByIt()
    {
        var explanation = PlanParser.Explain("""
            2026年工会工作计划
            三、工作安排
            1.3月，开展“三八”节女教职工活动。
            2、4月上旬，组织教职工春季运动会。
            3.5—6月，开展教职工读书月活动。
            4.9月，庆祝教师节。
            5.全年，做好困难教职工帮扶。
            四、保障措施
            1.5万元用于文体活动。
            """);
        Assert.Equal(["3:开展“三八”节女教职工活动", "4:组织教职工春季运动会", "5+6:开展教职工读书月活动", "9:庆祝教师节"],
            PlanAssert.Brief(explanation.Plan));
        // The item without a month is not lost silently: the chair is told to check it.
        Assert.Contains(explanation.Plan.Warnings, w => w.StartsWith("line 7 '5.全年，做好困难教职工帮扶。' gave no activity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("三月：植树节活动  学雷锋志愿服务  三八节女教工联谊\n", "3:植树节活动|3:学雷锋志愿服务|3:三八节女教工联谊")]
    [InlineData("三月：植树节活动\u3000学雷锋志愿服务\n", "3:植树节活动|3:学雷锋志愿服务")]
    [InlineData("三月：召开教代会  通过工作计划\n", "3:召开教代会 通过工作计划")]
    [InlineData("三月：迎新年 教职工联欢会\n", "3:迎新年 教职工联欢会")]
    [InlineData("三月：植树活动、学雷锋志愿服务、女教工素质拓展\n", "3:植树活动|3:学雷锋志愿服务|3:女教工素质拓展")]
    public void AWideGapBetweenAMonthsActivitiesSeparatesThemAsACommaDoes(string line, string expected) =>
        Assert.Equal([.. expected.Split('|'), "10:重阳节慰问"], Parse(line + "十月：重阳节慰问\n"));

    [Fact]
    public void ActivitiesEachWithTheirTimeOnTheNextLineAreDatedByIt()
    {
        var explanation = PlanParser.Explain("""
            2026年工会活动计划
            一、指导思想
            丰富教职工业余文化生活。
            二、活动安排
            活动一：“三八”节女教职工健步走
            时间：3月8日
            地点：滨江公园
            （二）教职工春季运动会
            活动时间：4月中旬（具体另行通知）
            参加人员：全体会员
            （三）教师节表彰大会
            时间：9月10日
            三、活动要求
            1.注意安全。
            """);
        Assert.Equal(["3:“三八”节女教职工健步走", "4:教职工春季运动会", "9:教师节表彰大会"], PlanAssert.Brief(explanation.Plan));
        Assert.Empty(explanation.Plan.Warnings); // the time and place lines are an activity's details, not lost lines
    }

    [Fact]
    public void ATimeLineThatIsNoDateDatesNothing()
    {
        var plan = PlanParser.Parse("""
            二、活动安排
            （一）读书分享会
            时间：每月一次
            （二）困难职工帮扶
            时间：全年
            """);
        Assert.Empty(plan.Activities);
    }

    [Fact]
    public void ATableCellsOwnNumberingIsNotPartOfItsActivities()
    {
        var plan = PlanParser.Parse("""
            2026年学校工会工作计划
            月份	活动内容
            三月	1.三八节女教工活动 2.植树节义务植树
            四月	①春季运动会；②读书交流会
            五月	3.8妇女节补发慰问品
            """);
        Assert.Equal(["3:三八节女教工活动", "3:植树节义务植树", "4:春季运动会", "4:读书交流会", "5:3.8妇女节补发慰问品"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void AnItemsBracketedDateSaysWhichOfItsHeadingsMonthsItIsIn()
    {
        var plan = PlanParser.Parse("""
            2026年度校工会工作要点
            二、活动安排
            （一）第一季度
            1.元旦迎新游园活动（1月）
            2.春节走访慰问（2月份）
            3.召开教代会
            （二）第二季度
            4.春季趣味运动会（4月下旬）
            5.“六一”亲子活动（6月1日）
            （三）第三季度
            6.暑期疗休养（7—8月）
            7.教师节慰问（9月10日）
            七、八月份：
            1.教职工游泳比赛（8月）
            2.读书分享会（10月）
            三、保障措施
            """);
        // Without a note, or with one outside the heading's months (10月 under 七、八月份), the heading's months stand.
        Assert.Equal(["1:元旦迎新游园活动（1月）", "2:春节走访慰问（2月份）", "1+2+3:召开教代会", "4:春季趣味运动会（4月下旬）",
            "6:“六一”亲子活动（6月1日）", "7+8:暑期疗休养（7—8月）", "9:教师节慰问（9月10日）", "8:教职工游泳比赛（8月）",
            "7+8:读书分享会（10月）"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void NumberedItemsEachDatedByABracketedNoteAreAScheduleWithoutMonthHeadings()
    {
        var plan = PlanParser.Parse("""
            2026年度校工会工作要点
            一、主要工作
            1.加强教职工思想政治建设（全年）
            2.做好困难职工帮扶
            二、活动安排
            1.元旦迎新游园活动（1月）
            2.春节走访慰问（2月）
            3.“三八”节系列活动（3月）
            4.春季趣味运动会（4月下旬）
            5.暑期疗休养（7—8月）
            6.教师节慰问（9月10日）
            三、保障措施
            """);
        Assert.Equal(["1:元旦迎新游园活动（1月）", "2:春节走访慰问（2月）", "3:“三八”节系列活动（3月）", "4:春季趣味运动会（4月下旬）",
            "7+8:暑期疗休养（7—8月）", "9:教师节慰问（9月10日）"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void UnderAMonthHeadingANotedItemOfAnotherMonthStaysInItsMonthAndKeepsTheItemsAfterIt()
    {
        var plan = PlanParser.Parse("""
            2026年工会活动计划
            三月份：
            1.植树活动
            2.筹备春季运动会（4月）
            3.“三八”节女教工插花
            四月份：
            1.春季运动会
            """);
        Assert.Equal(["3:植树活动", "3:筹备春季运动会（4月）", "3:“三八”节女教工插花", "4:春季运动会"], PlanAssert.Brief(plan));
    }

    [Fact]
    public void SeveralMonthsWrittenOnOneLineEachKeepTheirOwnActivities()
    {
        var explanation = PlanParser.Explain("""
            2026年工会活动计划
            3月份 组织女教工观看电影《你好，李焕英》
            4月份 春季登山活动，5月份 教职工趣味运动会
            6月份：端午节包粽子；7月份：暑期疗休养
            """);
        Assert.Equal(["3:组织女教工观看电影《你好，李焕英》", "4:春季登山活动", "5:教职工趣味运动会", "6:端午节包粽子", "7:暑期疗休养"],
            PlanAssert.Brief(explanation.Plan));
        Assert.Equal([4, 5], explanation.Lines[2].Months);
        Assert.Equal(2, explanation.Lines[2].Activities.Count);
    }

    [Theory]
    [InlineData("A.“三八”妇女节庆祝活动\nB.教职工春季健步走")]
    [InlineData("a、“三八”妇女节庆祝活动\nb、教职工春季健步走")]
    [InlineData("A. “三八”妇女节庆祝活动\nB. 教职工春季健步走")]
    [InlineData("(a)“三八”妇女节庆祝活动\n(b)教职工春季健步走")]
    [InlineData("Ａ．“三八”妇女节庆祝活动\nＢ．教职工春季健步走")]
    public void ItemsNumberedWithLettersLoseTheirLettersAsDigitsDo(string march) =>
        Assert.Equal(["3:“三八”妇女节庆祝活动", "3:教职工春季健步走", "4:植树节义务植树"],
            Parse($"2027年工会工作计划\n三月份：\n{march}\n四月份：\nA、植树节义务植树\n"));

    [Fact]
    public void ALetterBeforeLatinTextOrAWordIsNoNumber() =>
        Assert.Equal(["3:A、B两组教职工拔河比赛", "3:AED急救培训", "4:K歌大赛"],
            Parse("2027年工会工作计划\n三月份：\nA、B两组教职工拔河比赛\nAED急救培训\n四月份：\nK歌大赛\n"));

    [Theory]
    [InlineData("a.", "b.")]
    [InlineData("i.", "ii.")]
    [InlineData("(a)", "(b)")]
    public void LettersOrSmallRomanNumbersUnderANumberedItemAreItsSubItems(string first, string second)
    {
        var explanation = PlanParser.Explain($"2027年工会工作计划\n三月份：\n1.“三八”节系列活动\n{first}女教工插花\n{second}表彰优秀女教工\n2.学雷锋志愿服务\n四月份：\n1.春游\n");
        Assert.Equal(["3:“三八”节系列活动", "3:学雷锋志愿服务", "4:春游"], PlanAssert.Brief(explanation.Plan));
        Assert.Equal([SkipReason.SubItem, SkipReason.SubItem], explanation.Lines.Skip(3).Take(2).Select(l => l.Reason));
    }

    [Fact]
    public void AWordListNumberedWithLettersGivesItsItemsWithoutTheLetters()
    {
        var doc = new DocxBuilder();
        var letters = doc.List(("upperLetter", "%1."));
        doc.Paragraph("2027年工会工作计划").Paragraph("三月份：").Paragraph("三八节女教职工健步走", letters).Paragraph("教职工春季运动会", letters)
            .Paragraph("四月份：").Paragraph("植树节义务植树", doc.List(("lowerLetter", "%1、")));
        Assert.Equal(["3:三八节女教职工健步走", "3:教职工春季运动会", "4:植树节义务植树"], PlanAssert.Brief(PlanReader.Read(doc.Build(), "plan.docx")));
    }

    [Fact]
    public void BulletsUnderANumberedItemDetailItAndItsTimeAndPlaceAreNotes()
    {
        var explanation = PlanParser.Explain("""
            2027年工会工作计划
            三月份：
            1.“三八”妇女节庆祝活动：
            • 组织女教职工外出参观
            • 评选优秀女教工
            2.教职工春季健步走
            四月份：
            1.教职工羽毛球比赛：
            - 时间：4月中旬
            - 地点：学校体育馆
            2.清明节祭扫烈士墓
            """);
        Assert.Equal(["3:“三八”妇女节庆祝活动：", "3:教职工春季健步走", "4:教职工羽毛球比赛：", "4:清明节祭扫烈士墓"],
            PlanAssert.Brief(explanation.Plan));
        Assert.Equal([SkipReason.SubItem, SkipReason.SubItem], explanation.Lines.Skip(3).Take(2).Select(l => l.Reason));
        Assert.Equal([SkipReason.Note, SkipReason.Note], explanation.Lines.Skip(8).Take(2).Select(l => l.Reason));
        // The sub-items may be activities the chair meant: they are warned about; the notes are not.
        Assert.Equal(2, explanation.Plan.Warnings.Count);
    }

    [Theory]
    [InlineData("1、三八节女教工活动          负责人：王老师", "3:三八节女教工活动")]
    [InlineData("1、三八节女教工活动\t责任部门：工会办公室", "3:三八节女教工活动")]
    [InlineData("1、召开第五届教代会第二次会议，时间：3月中旬，地点：报告厅。", "3:召开第五届教代会第二次会议")]
    [InlineData("1、春季运动会（3月下旬）  参加人员：全体教职工", "3:春季运动会（3月下旬）")]
    [InlineData("1、活动时间安排表的制定与公布", "3:活动时间安排表的制定与公布")]
    [InlineData("1、三八节主题活动：观看电影", "3:三八节主题活动：观看电影")]
    public void WhoIsInChargeAndWhenAndWhereAfterAnItemAreNotPartOfItsName(string item, string expected) =>
        Assert.Equal([expected, "4:春游"], Parse($"2027年工会工作计划\n3月份\n{item}\n4月份\n1、春游\n"));

    [Fact]
    public void NumberedItemsOpenedByTheirMonthInBracketsAreDatedByIt() =>
        Assert.Equal(["3:三八节女教工活动", "4:春季运动会", "5:五一劳模表彰"],
            Parse("2027年工会工作计划\n三、活动安排\n1、（3月）三八节女教工活动\n2、（4月）春季运动会\n3、【5月】五一劳模表彰\n四、工作要求\n1、加强领导。\n"));

    [Theory]
    [InlineData("I.", "II.", "III.")]
    [InlineData("Ⅰ、", "Ⅱ、", "Ⅲ、")]
    [InlineData("I、", "II、", "III、")]
    public void RomanOutlineNumbersOpenAndEndTheSchedulesSection(string first, string second, string third) =>
        Assert.Equal(["3:三八节活动", "3:植树活动", "4:春游"],
            Parse($"2027年工会工作计划\n{first} 指导思想\n坚持服务教职工。\n{second} 活动安排\n三月份：\n1. 三八节活动\n2. 植树活动\n四月份：\n1. 春游\n{third} 保障措施\n1. 加强领导\n"));

    [Fact]
    public void AWordOutlineInRomanNumeralsEndsTheScheduleAtItsNextSection()
    {
        var doc = new DocxBuilder();
        var outline = doc.List(("upperRoman", "%1."), ("decimal", "%2."), ("lowerRoman", "%3."));
        doc.Paragraph("2027年工会工作计划")
            .Paragraph("指导思想", outline).Paragraph("坚持服务教职工。")
            .Paragraph("活动安排", outline).Paragraph("三月份：").Paragraph("三八节女教职工健步走", outline, 1).Paragraph("女教工插花", outline, 2)
            .Paragraph("四月份：").Paragraph("教职工气排球比赛", outline, 1)
            .Paragraph("保障措施", outline).Paragraph("加强组织领导", outline, 1);
        Assert.Equal(["3:三八节女教职工健步走", "4:教职工气排球比赛"], PlanAssert.Brief(PlanReader.Read(doc.Build(), "plan.docx")));
    }

    [Theory]
    [InlineData("2027.03\n1、三八节女教工活动\n2027.04\n1、春季运动会\n")]
    [InlineData("2027-3\n1、三八节女教工活动\n2027-4\n1、春季运动会\n")]
    [InlineData("2027.3.8 三八节女教工活动\n2027/4/15：春季运动会\n")]
    [InlineData("2027.3.8 三八节女教工活动\n2027.4前 春季运动会\n")]
    [InlineData("时间\t活动\n2027.3.8\t三八节女教工活动\n2027.4前\t春季运动会\n")]
    public void AYearAndMonthWrittenInDigitsIsAMonth(string schedule) =>
        Assert.Equal(["3:三八节女教工活动", "4:春季运动会"], Parse($"2027年工会活动安排\n{schedule}二、要求\n各部门配合。\nXX学校工会\n2027.2.20\n"));

    [Theory]
    [InlineData("2027.3-2027.4：教职工读书活动\n2027.9-12：教师节系列活动\n")]
    [InlineData("时间\t活动\n2027.3-2027.4\t教职工读书活动\n2027.9—12\t教师节系列活动\n")]
    public void ARangeOfMonthsWrittenInDigitsIsEachOfThem(string schedule) =>
        Assert.Equal(["3+4:教职工读书活动", "9+10+11+12:教师节系列活动"], Parse($"2027年工会活动安排\n{schedule}"));

    [Theory]
    [InlineData("2027.13 三八节活动")]
    [InlineData("2027.3.8.5 三八节活动")]
    [InlineData("2027.3起实行新的考勤制度")]
    [InlineData("3.8妇女节女教工活动")]
    public void DigitsThatAreNoYearAndMonthAreNoMonth(string line) =>
        Assert.False(MonthHeading.TryRead(PlanChars.Normalize(line), 0, out _, out _));

    [Fact]
    public void TheSchoolHolidaysHeadTheirItemsAsMonthsDo()
    {
        var plan = PlanParser.Parse("""
            2027-2028学年度第一学期工会工作计划
            三、活动安排
            九月份：
            1、庆祝教师节
            十二月份：
            1、迎新年联欢会
            寒假期间：
            1、走访慰问困难教职工
            2、组织教职工冬季疗休养
            四、保障措施
            """);
        // 1'+2': January and February of the school year's second year.
        Assert.Equal(["9:庆祝教师节", "12:迎新年联欢会", "1'+2':走访慰问困难教职工", "1'+2':组织教职工冬季疗休养"], PlanAssert.Brief(plan));
        Assert.Equal(["6:端午节包粽子", "7+8:教职工疗休养", "9:庆祝教师节"],
            Parse("2027年工会工作计划\n六月份：\n1、端午节包粽子\n暑假：\n1、教职工疗休养\n九月份：\n1、庆祝教师节\n"));
    }

    [Fact]
    public void AnItemAboutTheHolidaysIsNoHeading() =>
        Assert.Equal(["6:暑期教职工疗休养报名", "6:寒假安全教育"], Parse("2027年工会工作计划\n六月份：\n1、暑期教职工疗休养报名\n2、寒假安全教育\n九月份：\n1、庆祝教师节\n").Take(2));

    [Theory]
    [InlineData("参加对象：全体教职工")]
    [InlineData("责任部门：工会办公室")]
    [InlineData("牵头人：王老师")]
    [InlineData("参与人员：各年级组长")]
    public void WhoTakesPartOrIsInChargeUnderAnItemIsANoteNotADoubt(string line)
    {
        var explanation = PlanParser.Explain($"2027年工会工作计划\n三月份：\n1、三八节活动\n{line}\n2、植树活动\n四月份：\n1、春游\n");
        Assert.Equal(["3:三八节活动", "3:植树活动", "4:春游"], PlanAssert.Brief(explanation.Plan));
        Assert.Equal(SkipReason.Note, explanation.Lines[3].Reason);
        Assert.Empty(explanation.Plan.Warnings);
    }

    [Fact]
    public void AMonthsActivityGivenByALabelIsTheTextAfterIt()
    {
        var explanation = PlanParser.Explain("""
            2027年工会工作计划
            三、活动安排
            三月份
            活动主题：三八节女教工插花
            时间：3月8日
            四月份
            活动主题：春季健步走
            活动内容：沿江健步走5公里
            五月份
            活动内容：教职工趣味运动会
            活动名称：青年教师演讲比赛
            六月份
            1、端午节包粽子
            活动主题：浓情端午
            """);
        Assert.Equal(["3:三八节女教工插花", "4:春季健步走", "5:教职工趣味运动会", "5:青年教师演讲比赛", "6:端午节包粽子"],
            PlanAssert.Brief(explanation.Plan));
        Assert.Equal(SkipReason.Note, explanation.Lines[7].Reason); // 活动内容 details the 主题 above it
        Assert.Equal(SkipReason.Note, explanation.Lines[13].Reason); // under a numbered item, a theme is its detail
        Assert.Empty(explanation.Plan.Warnings);
    }

    [Theory]
    [InlineData("2028年1月20日前 上报2027学年工会工作总结")]
    [InlineData("2028.1.20前 上报2027学年工会工作总结")]
    public void ADatedLineAmongNumberedItemsOfItsMonthIsOneOfThemAndNoEnd(string line) =>
        Assert.Equal(["12:迎新年联欢会", "1'+2':走访慰问困难教职工", $"1'+2':{line}", "3':工会委员会议"],
            Parse($"2027-2028学年度第一学期工会工作计划\n十二月份：\n1、迎新年联欢会\n寒假期间：\n1、走访慰问困难教职工\n{line}\n三月份：\n1、工会委员会议\n"));

    [Fact]
    public void AMonthSetOffByACommaHeadsTheActivitiesWrittenAfterIt() =>
        Assert.Equal(["3:开展三八节女教工活动", "3:组织植树活动", "4:举办春季教职工运动会", "5:开展劳模表彰"],
            Parse("2027年工会工作计划\n三、活动安排\n三月份，开展三八节女教工活动；组织植树活动。\n4月，举办春季教职工运动会。\n五月份，开展劳模表彰。\n四、保障措施\n"));

    [Theory]
    [InlineData("三、具体安排：三月：三八节女教工活动；四月：春季运动会。\n四、保障措施\n")]
    [InlineData("活动安排：3月份 三八节女教工活动，4月份 春季运动会\n")]
    public void MonthsWrittenOnOneLineAfterAShortLeadInAreASchedule(string text) =>
        Assert.Equal(["3:三八节女教工活动", "4:春季运动会"], Parse($"2027年工会工作计划\n{text}"));

    [Fact]
    public void AColonBeforeASingleMonthInProseStartsNothing() =>
        Assert.Empty(Parse("2027年工会工作计划\n工作重点：3月份召开教代会，审议学校工作报告。\n"));
}
