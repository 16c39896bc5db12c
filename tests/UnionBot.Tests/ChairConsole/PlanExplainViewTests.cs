using System.Text.RegularExpressions;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

public sealed class PlanExplainViewTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <summary>A plan with prose around its schedule, a note under an item, and a sub-item that may be a lost activity (line 11).</summary>
    internal const string Plan = """
        2026年学校工会工作计划
        一、指导思想
        认真贯彻落实上级工会精神。
        二、月份工作安排
        三月份：
        1.举办教职工拔河比赛。
        时间：3月15日
        2.召开教代会。
        四月份：
        1.教职工羽毛球赛
        （1）分组练习
        三、其他
        全年做好困难职工帮扶。

        """;

    /// <summary>The list item of line <paramref name="number"/> in the 计划原文 column.</summary>
    private static string LineOf(string page, int number) =>
        Regex.Match(page, $"<li class=\"([^\"]*)\"><span class=\"n\">{number}</span>(.*?)</li>", RegexOptions.Singleline) is { Success: true } m
            ? $"{m.Groups[1].Value}|{m.Groups[2].Value}"
            : throw new InvalidOperationException($"line {number} is not shown");

    [Fact]
    public async Task ThePlansOwnLinesShowWhatEachBecameAndWhichSkipsToCheck()
    {
        var path = _dir.File("plan.txt");
        await File.WriteAllTextAsync(path, Plan.Replace("\r\n", "\n"));
        await using var host = ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = path });
        await host.LoginAsync();

        var page = await host.Client.GetStringAsync("/console/plan");

        Assert.StartsWith("outside|<span class=\"t\">一、指导思想</span>", LineOf(page, 2));
        Assert.Contains("月份 3月", LineOf(page, 5));
        Assert.StartsWith("activity|", LineOf(page, 6));
        Assert.Contains("→ 举办教职工拔河比赛", LineOf(page, 6));
        var note = LineOf(page, 7);
        Assert.StartsWith("skipped|<span class=\"t\">时间：3月15日</span>", note);
        Assert.Contains("上一项的说明", note);
        Assert.DoesNotContain("请核对", note); // a note is what it looks like
        Assert.Contains("→ 召开教代会（工会工作）", LineOf(page, 8));
        var subItem = LineOf(page, 11);
        Assert.StartsWith("skipped doubt|", subItem);
        Assert.Contains("跳过·请核对", subItem);
        Assert.Contains("下级小项", subItem);
        Assert.Contains("月度安排到此结束", LineOf(page, 12));
        Assert.Contains("1 行请核对", page);
        Assert.Contains("第 11 行「（1）分组练习」没有读成活动（下级小项", page); // the reader's warning, in the chair's words
        Assert.DoesNotContain("gave no activity", page);
    }

    public void Dispose() => _dir.Dispose();
}
