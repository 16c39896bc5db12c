using UnionBot.Core.Plan;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary>Word .docx plans, built in code: automatic list numbering, restarts, tables with merged cells.</summary>
public sealed class DocxPlanTests
{
    private static string[] Parse(byte[] docx) => PlanAssert.Brief(PlanReader.Read(docx, "plan.docx"));

    [Fact]
    public void WordsAutomaticNumberingIsShownAsAPersonSeesIt()
    {
        var doc = new DocxBuilder();
        var outline = doc.List(("chineseCounting", "%1、"), ("decimal", "%2."));
        doc.Paragraph("2024年学校工会工作计划")
            .Paragraph("三月份", outline).Paragraph("庆祝三八节", outline, 1).Paragraph("植树活动", outline, 1)
            .Paragraph("四月份", outline).Paragraph("踏青", outline, 1).Paragraph("教职工运动会", outline, 1);
        var text = PlanReader.Text(doc.Build(), "plan.docx");
        Assert.Equal("2024年学校工会工作计划\n一、三月份\n1.庆祝三八节\n2.植树活动\n二、四月份\n1.踏青\n2.教职工运动会\n", text);
        Assert.Equal(["3:庆祝三八节", "3:植树活动", "4:踏青", "4:教职工运动会"], Parse(doc.Build()));
    }

    [Theory]
    [InlineData("decimal", "%1、", "1、", "2、")]
    [InlineData("decimalEnclosedCircle", "%1", "①", "②")]
    [InlineData("chineseCounting", "（%1）", "（一）", "（二）")]
    [InlineData("ideographTraditional", "%1.", "甲.", "乙.")]
    public void EachNumberFormatIsRendered(string format, string levelText, string first, string second)
    {
        var doc = new DocxBuilder();
        var list = doc.List((format, levelText));
        doc.Paragraph("甲", list).Paragraph("乙", list);
        Assert.Equal($"{first}甲\n{second}乙\n", PlanReader.Text(doc.Build(), "x.docx"));
    }

    [Fact]
    public void AListInstanceThatRestartsCountsFromItsStartAgain()
    {
        var doc = new DocxBuilder();
        var items = doc.List(("decimal", "%1."));
        doc.Paragraph("三月：").Paragraph("庆祝三八节", items).Paragraph("植树", items)
            .Paragraph("四月：").Paragraph("踏青", doc.Instance(1, restartAt: 1)).Paragraph("运动会", items);
        var text = PlanReader.Text(doc.Build(), "x.docx");
        Assert.Equal("三月：\n1.庆祝三八节\n2.植树\n四月：\n1.踏青\n2.运动会\n", text);
        Assert.Equal(["3:庆祝三八节", "3:植树", "4:踏青", "4:运动会"], Parse(doc.Build()));
    }

    [Fact]
    public void ATableWithAMergedMonthCellAndTwoParagraphsInACellIsReadAsATable()
    {
        var doc = new DocxBuilder().Paragraph("活动安排").Table(
            ["月份", "活动内容", "备注"],
            ["三月", "羽毛球比赛", "全体教师"],
            ["^", "三八节联欢\n女职工慰问", "女教师"],
            ["四月", "教职工运动会", ""],
            ["五月", "乒乓球赛", "自愿报名"]);
        Assert.Equal(["3:羽毛球比赛", "3:三八节联欢", "3:女职工慰问", "4:教职工运动会", "5:乒乓球赛"], Parse(doc.Build()));
    }

    [Theory]
    [InlineData("plan.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 })]
    [InlineData("plan.wps", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 })]
    [InlineData("plan.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 })]
    [InlineData("plan.doc", new byte[] { 0x41, 0x42 })]
    public void OldWordWpsAndPdfAreRefusedWithOneLineAskingForDocx(string name, byte[] bytes)
    {
        var e = Assert.Throws<PlanReadException>(() => PlanReader.Read(bytes, name));
        Assert.Contains(".docx", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ADamagedDocxIsOneClearError()
    {
        var e = Assert.Throws<PlanReadException>(() => PlanReader.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "plan.docx"));
        Assert.Contains("plan.docx", e.Message);
    }
}
