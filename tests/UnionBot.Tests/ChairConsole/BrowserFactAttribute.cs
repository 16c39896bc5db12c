namespace UnionBot.Tests.ChairConsole;

/// <summary>
/// A browser test: it needs Debian's Chromium at <see cref="ConsoleBrowser.ChromiumPath"/> (<c>.ci/run</c> installs it).
/// Without it the test is skipped with the reason shown, unless <c>UNIONBOT_BROWSER_TESTS=required</c> (set by
/// <c>.ci/run</c>): then it runs and fails saying what is missing, so that CI cannot pass without the browser.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(ConsoleBrowser.ChromiumPath) && Environment.GetEnvironmentVariable("UNIONBOT_BROWSER_TESTS") != "required")
            Skip = $"browser test skipped: {ConsoleBrowser.ChromiumPath} is missing (apt-get install -y chromium fonts-wqy-microhei)";
    }
}
