using System.Text;
using System.Text.RegularExpressions;
using UnionBot.Core.Platforms;

namespace UnionBot.Tests.Platforms;

public sealed partial class MessageSplitterTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void TextWithinTheLimitIsOnePartUnchanged()
    {
        const string text = "## 三月份工会活动\n1. 教学基本功评比\n";

        Assert.Equal([text], MessageSplitter.Split(text, 4096));
    }

    [Fact]
    public void TextOfExactlyTheLimitIsOnePartAndOneByteMoreMakesTwo()
    {
        var exact = Lines(4096, "工会活动通知第{0}条，请大家踊跃参加。");
        var over = exact + "!";

        Assert.Equal([exact], MessageSplitter.Split(exact, 4096));
        var parts = MessageSplitter.Split(over, 4096);
        Assert.Equal(2, parts.Count);
        AssertWithinLimit(parts, 4096);
    }

    [Fact]
    public void ChineseTextIsSplitBetweenLinesIntoNumberedPartsWithinTheByteLimit()
    {
        var text = Lines(10_000, "{0}. 组织会员参加“健康之友”专题讲座，地点在学校报告厅。");

        var parts = MessageSplitter.Split(text, 4096);

        Assert.Equal(3, parts.Count);
        AssertWithinLimit(parts, 4096);
        Assert.Equal(["（1/3）", "（2/3）", "（3/3）"], parts.Select(p => Label().Match(p).Value.Trim()));
        var lines = parts.SelectMany(p => Body(p).Split('\n')).ToList();
        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), lines); // every line whole, in order
    }

    [Fact]
    public void ASingleTenThousandByteLineIsCutBetweenCharacters()
    {
        var line = string.Concat(Enumerable.Repeat("教职工趣味运动会", 417)) + "完"; // 10 011 bytes, no line break

        var parts = MessageSplitter.Split(line, 2048);

        AssertWithinLimit(parts, 2048);
        Assert.Equal(line, string.Concat(parts.Select(Body)));
    }

    [Fact]
    public void EmojiAreNeverCutInsideASurrogatePairOrASequence()
    {
        var line = string.Concat(Enumerable.Repeat("🎉👩‍🏫A", 400)); // a surrogate pair, a ZWJ sequence, an ASCII letter

        var parts = MessageSplitter.Split(line, 100);

        AssertWithinLimit(parts, 100);
        Assert.All(parts, p => StrictUtf8.GetBytes(p)); // throws on a lone surrogate
        Assert.All(parts.Select(Body), b => Assert.Matches(@"^(🎉|👩‍🏫|A)+$", b));
        Assert.Equal(line, string.Concat(parts.Select(Body)));
    }

    [Fact]
    public void TenOrMorePartsAreNumberedWithTwoDigitsStillInsideTheLimit()
    {
        var text = Lines(5_000, "第{0}项：慰问困难教职工");

        var parts = MessageSplitter.Split(text, 200);

        Assert.True(parts.Count >= 10);
        AssertWithinLimit(parts, 200);
        Assert.EndsWith($"（{parts.Count}/{parts.Count}）", parts[^1]);
        Assert.EndsWith($"（10/{parts.Count}）", parts[9]);
    }

    [Fact]
    public void APartDoesNotBeginWithTheBlankLinesItWasCutAt()
    {
        var text = Lines(3_000, "第{0}段工会工作总结。\n");

        var parts = MessageSplitter.Split(text, 1000);

        Assert.All(parts, p => Assert.False(p.StartsWith('\n')));
        AssertWithinLimit(parts, 1000);
    }

    [Fact]
    public void ALimitTooSmallForALabelIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageSplitter.Split("工会", 10));
    }

    private static void AssertWithinLimit(IReadOnlyList<string> parts, int maxBytes) =>
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, maxBytes));

    private static string Body(string part) => Label().Replace(part, "");

    /// <summary>Numbered lines from <paramref name="format"/> until the text is exactly <paramref name="bytes"/> long (padded with '.').</summary>
    private static string Lines(int bytes, string format)
    {
        var text = new StringBuilder();
        for (var i = 1; ; i++)
        {
            var line = string.Format(format, i) + "\n";
            if (Encoding.UTF8.GetByteCount(text.ToString() + line) > bytes) break;
            text.Append(line);
        }
        return text.Append('.', bytes - Encoding.UTF8.GetByteCount(text.ToString())).ToString();
    }

    [GeneratedRegex(@"\n\n（\d+/\d+）$")] private static partial Regex Label();
}
