using UnionBot.Core.Announcements;
using UnionBot.Core.Storage;
using UnionBot.Tests.ChairConsole;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// The local chat page shows the bot's markdown the way a WeCom group would: a late notice's note as a quote, a digest's
/// rules as lines, list items as bullets, a link as a link. Run in Debian's Chromium against the page's own script.
/// </summary>
public sealed class LocalChatRenderingTests
{
    [BrowserFact]
    public async Task ALateDigestShowsItsNoteAsAQuoteAndItsRulesAsLinesNotAsMarkdownSource()
    {
        var rows = new[] { "三月份", "四月份" }.Select((month, i) => new OutboxRow
        {
            Id = i + 1, Key = $"monthly:{i}:wecom-all", SourceKey = $"monthly:{i}", ChannelId = "wecom-all", Kind = "monthly",
            Title = month, Text = $"### {month}活动\n- 教职工乒乓球赛", DueAt = StoredTime.Format(new DateTimeOffset(2026, 3 + i, 1, 0, 30, 0, TimeSpan.Zero)),
        }).ToList();
        var digest = OutboxComposer.Digest(rows).Markdown;

        await using var browser = await ConsoleBrowser.StartAsync();
        var page = await (await browser.PhoneAsync()).NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/");
        await page.EvaluateAsync(
            "md => { const b = document.createElement('div'); b.id = 'probe'; b.className = 'bubble'; b.innerHTML = renderMarkdown(md); document.getElementById('feed').append(b); }",
            digest);
        var probe = page.Locator("#probe");
        await ConsoleBrowser.ScreenshotAsync(page, "local-chat-late-digest");

        Assert.Equal(1, await probe.Locator(".quote").CountAsync());
        Assert.StartsWith("以下通知因机器人离线", await probe.Locator(".quote").InnerTextAsync());
        Assert.Equal(2, await probe.Locator("hr").CountAsync());
        var text = await probe.InnerTextAsync();
        Assert.DoesNotContain("---", text);
        Assert.DoesNotContain(">", text);
        Assert.Contains("• 教职工乒乓球赛", text);
    }

    [BrowserFact]
    public async Task AMessageTimeIsShownInTheBotsZoneWhateverZoneTheBrowserIsIn()
    {
        await using var browser = await ConsoleBrowser.StartAsync();
        // A browser on UTC (a server's, or a laptop set so) reading a Beijing bot: 08:23 UTC is 16:23 in Shanghai.
        var context = await browser.Browser.NewContextAsync(new() { TimezoneId = "UTC", Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/");

        await page.EvaluateAsync("show({ id: 1000000, kind: 'announcement', author: '', text: 'x', at: '2026-03-10T08:23:00Z' })");

        Assert.Contains("16:23", await page.Locator("#feed .row.announcement .who").Last.InnerTextAsync());
    }

    [BrowserFact]
    public async Task ALinkInAReplyIsALinkAndOnlyWebAddressesBecomeLinks()
    {
        await using var browser = await ConsoleBrowser.StartAsync();
        var page = await (await browser.PhoneAsync()).NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/");

        var link = await page.EvaluateAsync<string>("md => renderMarkdown(md)", "[打开管理后台](http://127.0.0.1:5080/console/login?t=abc&u=1)");
        var script = await page.EvaluateAsync<string>("md => renderMarkdown(md)", "[点我](javascript:alert(1))");

        Assert.Equal("<a href=\"http://127.0.0.1:5080/console/login?t=abc&amp;u=1\" target=\"_blank\" rel=\"noopener\">打开管理后台</a>", link);
        Assert.DoesNotContain("<a", script);
    }
}
