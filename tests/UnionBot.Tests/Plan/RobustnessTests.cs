using System.Text;
using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Whatever text a chair uploads, the reader answers with a plan — it never throws.</summary>
public sealed class RobustnessTests
{
    // Fragments that sit on the reader's decision points: headings, markers, separators, numerals, brackets.
    private static readonly string[] Fragments =
    [
        "三月份", "十二月份、XX年元月", "七、八月", "7-8月", "一二月份", "元月", "月", "份", "：", ":", "、", "，", "。", ";",
        "1.", "2、", "3", "（1）", "(", "）", "⑴", "①", "一、", "五、", "（一）", ".", "?", "*", "　", " ", "\t", "\r\n", "\n",
        "庆祝", "三八", "十一", "国庆", "“", "”", "\"", "备注", "2023年", "计划", "工会", "第一学期", "活动主题：", "\uFFFD", "😀",
        "A.", "b、", "(a)", "【", "】", "〖", "〗", "《", "》", "<", ">", "8日", "上旬", "前", "以前", "左右", "负责人：", "时间：",
        "•", "- ", "活动主题：", "活动内容：", "寒假", "暑假期间", "2027.3", "2027-04-15", "/", "II.", "Ⅲ、",
    ];

    [Fact]
    public void RandomMixturesOfPlanFragmentsNeverThrow()
    {
        var random = new Random(20240301);
        for (var doc = 0; doc < 300; doc++)
        {
            var sb = new StringBuilder();
            for (var i = random.Next(1, 400); i > 0; i--) sb.Append(Fragments[random.Next(Fragments.Length)]);
            var text = sb.ToString();
            var plan = PlanParser.Parse(text);
            Assert.All(plan.Activities, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.Title), text);
                Assert.All(a.Months, m => Assert.InRange(m.Month, 1, 12));
            });
        }
    }

    [Fact]
    public void RandomBytesEitherDecodeAndParseOrAreRefusedWithPlanReadException()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            try
            {
                PlanReader.Read(bytes, "random.bin");
            }
            catch (PlanReadException e)
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }
    }

    [Fact]
    public void AVeryLongDocumentIsReadCompletely()
    {
        var sb = new StringBuilder("2024年工会工作计划\n");
        for (var m = 1; m <= 12; m++)
        {
            sb.Append(m).Append("月份：\n");
            for (var i = 1; i <= 99; i++) sb.Append(i).Append(".活动").Append(m).Append('-').Append(i).Append("。\n");
        }
        var plan = PlanParser.Parse(sb.ToString());
        Assert.Equal(12 * 99, plan.Activities.Count);
        Assert.Equal("活动12-99", plan.Activities[^1].Title);
    }

    [Theory]
    [InlineData("<十二月、XX年元月前>;;时间：\n八月\n")]
    [InlineData("三月份：\n1、；时间：3月8日\n四月份：\n1、春游\n")]
    public void AnItemThatIsAllNoteKeepsItsTextRatherThanAnEmptyTitle(string text) =>
        Assert.All(PlanParser.Parse(text).Activities, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
}
