using UnionBot.Core.Platforms;

namespace UnionBot.Tests.Platforms;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("## 三月份工会活动", "【三月份工会活动】")]
    [InlineData("- 教学基本功评比", "• 教学基本功评比")]
    [InlineData("1. **教学基本功评比**", "1. 教学基本功评比")]
    [InlineData("> 请于周五前报名", "请于周五前报名")]
    [InlineData("详见[通知](https://example.edu.cn/a)", "详见通知 https://example.edu.cn/a")]
    [InlineData("<font color=\"warning\">截止 3月5日</font>", "截止 3月5日")]
    [InlineData("发送 `/报名 乒乓球赛`", "发送 /报名 乒乓球赛")]
    [InlineData("请 <@zhangsan> 确认", "请 @zhangsan 确认")]
    [InlineData(@"\*\*\*建设", "***建设")]
    [InlineData(@"\# 不是标题 \[不是链接\](x)", "# 不是标题 [不是链接](x)")]
    public void MarkdownReadsNaturallyAsPlainText(string markdown, string expected)
    {
        Assert.Equal(expected, PlainText.FromMarkdown(markdown));
    }

    [Fact]
    public void LinesAndTheirOrderAreKept()
    {
        Assert.Equal("【标题】\n\n1. 甲\n2. 乙", PlainText.FromMarkdown("# 标题\r\n\r\n1. 甲\r\n2. 乙"));
    }
}
