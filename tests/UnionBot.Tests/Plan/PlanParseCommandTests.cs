using System.Text;
using System.Text.Json;
using UnionBot.Cli;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Plan;

/// <summary><c>plan parse</c> as SPEC section 3 describes it: one JSON object on stdout, or exit 2 and one stderr line.</summary>
public sealed class PlanParseCommandTests
{
    static PlanParseCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task JsonOfSeed000HasTitleYearAndEveryActivityWithItsFestival()
    {
        var (code, output, error) = await Run("plan", "parse", RepoPaths.Seed("000"), "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["title", "year", "activities", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2023年学校工会工作计划书", root.GetProperty("title").GetString());
        Assert.Equal(2023, root.GetProperty("year").GetInt32());
        var activities = root.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(Seed000.Activities.Select(a => a.Title), activities.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("""{"months":[3],"title":"\"三﹒八\"妇女节专题庆祝活动","festival":"womens-day","signup":true}""", activities[5].GetRawText());
        Assert.Equal("""{"months":[3],"title":"开展扶助困难学生完成学业的活动","signup":true}""", activities[6].GetRawText());
        Assert.Equal("[12,1]", activities[^1].GetProperty("months").GetRawText());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task JsonOfAPlanWithoutScheduleHasNullYearNoActivitiesAndAWarning()
    {
        var (code, output, _) = await Run("plan", "parse", RepoPaths.Seed("001"), "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"year\":null,\"activities\":[],\"warnings\":[\"no month-by-month schedule", output);
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public async Task ACopyOfSeed000InAnotherEncodingGivesTheSameJson(string encoding)
    {
        using var dir = new TempDirectory();
        var original = RepoPaths.Seed("000");
        var copy = dir.File("plan.txt");
        await File.WriteAllBytesAsync(copy, PlanTextTests.Encode(await File.ReadAllTextAsync(original), encoding));
        var expected = await Run("plan", "parse", original, "--json");
        var actual = await Run("plan", "parse", copy, "--json");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task WithoutJsonItPrintsAReadableTable()
    {
        var (code, output, _) = await Run("plan", "parse", RepoPaths.Seed("000"));
        Assert.Equal(0, code);
        Assert.StartsWith("2023年学校工会工作计划书 — year 2023, 37 activities", output);
        Assert.Contains("[三八妇女节]", output);
    }

    [Fact]
    public async Task ABinaryFileExitsTwoWithOneLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("photo.png");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        await AssertRefused($"'{path}' is a binary file", "plan", "parse", path, "--json");
    }

    [Fact]
    public async Task AFileInNoSupportedEncodingExitsTwoWithOneLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("latin.txt");
        await File.WriteAllBytesAsync(path, [0x41, 0xFF, 0x41]);
        await AssertRefused($"'{path}' is in no supported encoding (UTF-8, UTF-16 with BOM, GB18030)", "plan", "parse", path);
    }

    [Fact]
    public async Task AMissingFileExitsTwoWithOneLine() =>
        await AssertRefused("no such file", "plan", "parse", "/nonexistent/plan.txt", "--json");

    [Fact]
    public async Task ADirectoryExitsTwoWithOneLine()
    {
        using var dir = new TempDirectory();
        await AssertRefused("is a directory", "plan", "parse", dir.Path);
    }

    [Theory]
    [InlineData("--jsn")]
    [InlineData("--year")]
    public async Task ABadFlagExitsTwoWithOneLine(string flag) =>
        await AssertRefused("unknown option", "plan", "parse", RepoPaths.Seed("000"), flag);

    [Theory]
    [InlineData("plan.doc")]
    [InlineData("plan.wps")]
    [InlineData("plan.pdf")]
    public async Task OldWordWpsAndPdfExitTwoWithOneLineAskingForDocx(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        await File.WriteAllBytesAsync(path, name.EndsWith(".pdf", StringComparison.Ordinal) ? "%PDF-1.4\n"u8.ToArray() : [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        await AssertRefused("save it as .docx", "plan", "parse", path, "--json");
        await AssertRefused("save it as .docx", "plan", "schedule", path, "--year", "2024");
    }

    [Fact]
    public async Task ADocxPlanIsParsedAndScheduled()
    {
        using var dir = new TempDirectory();
        var path = dir.File("计划.docx");
        var doc = new DocxBuilder();
        var items = doc.List(("decimal", "%1、"));
        doc.Paragraph("2024年工会工作计划").Paragraph("三月份：").Paragraph("三八节女教师联欢", items).Paragraph("四月份：")
            .Paragraph("教职工运动会", doc.Instance(1, restartAt: 1));
        await File.WriteAllBytesAsync(path, doc.Build());
        var (code, output, error) = await Run("plan", "parse", path, "--json");
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("\"title\":\"三八节女教师联欢\"", output);
        Assert.Contains("\"title\":\"教职工运动会\"", output);
        // A year with a holiday table: without one, stderr would carry the fallback warning.
        (code, output, error) = await Run("plan", "schedule", path, "--year", "2025", "--json");
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("教职工运动会", output);
    }

    private static async Task AssertRefused(string expected, params string[] args)
    {
        var (code, output, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task ExplainPrintsTheScheduleLineByLineWithWhatEachLineBecame()
    {
        var (code, output, error) = await Run("plan", "parse", RepoPaths.Seed("000"), "--explain");
        Assert.Equal((0, ""), (code, error));
        var lines = output.Split('\n');
        Assert.StartsWith("2023年学校工会工作计划书 — year 2023, 37 activities", lines[0]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("30 heading  二月份：  → 2月", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("activity 1.\"三﹒八\"妇女节专题庆祝活动。  → \"三﹒八\"妇女节专题庆祝活动 [三八妇女节]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("12月、1月", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("指导思想", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExplainNamesTheLinesItSkippedAndWhy()
    {
        var path = Path.Combine(Path.GetTempPath(), $"explain-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "三月份：\n1.春游\n全体教职工参加\n2.植树\n- 2 -\n四月份：\n1.拔河比赛\n五、保障措施\n");
        try
        {
            var (code, output, _) = await Run("plan", "parse", path, "--explain");
            Assert.Equal(0, code);
            Assert.Contains("   3 skipped  全体教职工参加  — unnumbered text between numbered items", output);
            Assert.Contains("   5 skipped  - 2 -  — a page number", output);
            Assert.Contains("   8 end      五、保障措施  — ends the schedule", output);
            Assert.Contains("warning: line 3 '全体教职工参加' gave no activity", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ExplainShowsTheMonthsOfAnItemWhoseBracketedDateNarrowsItsHeadings()
    {
        using var dir = new TempDirectory();
        var path = dir.File("plan.txt");
        await File.WriteAllTextAsync(path, "第三季度\n1.暑期疗休养（7—8月）\n2.教职工座谈会\n第四季度\n1.冬季长跑（12月）\n");
        var (code, output, _) = await Run("plan", "parse", path, "--explain");
        Assert.Equal(0, code);
        Assert.Contains("   2 activity 1.暑期疗休养（7—8月）  → 7月、8月: 暑期疗休养（7—8月）", output);
        Assert.Contains("   3 activity 2.教职工座谈会  → 教职工座谈会", output);
        Assert.Contains("   5 activity 1.冬季长跑（12月）  → 12月: 冬季长跑（12月）", output);
    }

    [Fact]
    public async Task JsonListsTheLinesInsideTheScheduleThatGaveNothingAsWarnings()
    {
        using var dir = new TempDirectory();
        var path = dir.File("plan.txt");
        await File.WriteAllTextAsync(path, "三月份：\n1.春游\n全体教职工参加\n2.植树\n- 2 -\n四月份：\n1.拔河比赛\n（1）报名\n五、保障措施\n");
        var (code, output, error) = await Run("plan", "parse", path, "--json");
        Assert.Equal((0, ""), (code, error));
        using var json = JsonDocument.Parse(output);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("line 3 '全体教职工参加' gave no activity", warnings[0]);
        Assert.StartsWith("line 8 '（1）报名' gave no activity", warnings[1]);
    }

    [Fact]
    public async Task ExplainAndJsonTogetherIsAUsageError()
    {
        var (code, output, error) = await Run("plan", "parse", RepoPaths.Seed("000"), "--json", "--explain");
        Assert.Equal((2, ""), (code, output));
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
