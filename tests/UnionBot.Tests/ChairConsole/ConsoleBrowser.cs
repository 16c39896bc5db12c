using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

/// <summary>
/// The real host on a loopback Kestrel port and Debian's Chromium driven by Playwright (never a downloaded browser).
/// Screenshots are kept under the test output folder, <c>console-screenshots/</c>.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(ConsoleHost host, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        Host = host; _playwright = playwright; Browser = browser; BaseUrl = baseUrl;
    }

    public ConsoleHost Host { get; }
    public IBrowser Browser { get; }
    public string BaseUrl { get; }

    /// <param name="extra">Settings for the host, as <see cref="ConsoleHost.Start"/> takes them.</param>
    public static async Task<ConsoleBrowser> StartAsync(IDictionary<string, string?>? extra = null)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with apt-get install -y chromium fonts-wqy-microhei (as .ci/run does)");
        var host = ConsoleHost.Start(extra, kestrel: true);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
        return new ConsoleBrowser(host, playwright, browser, address.TrimEnd('/'));
    }

    public Task<IBrowserContext> PhoneAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        Locale = "zh-CN", AcceptDownloads = true,
    });

    public Task<IBrowserContext> DesktopAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN", AcceptDownloads = true,
    });

    /// <summary>Opens a fresh login link in <paramref name="context"/> and presses 进入后台; the page it lands on.</summary>
    public async Task<IPage> LogInAsync(IBrowserContext context, string user = ConsoleHost.Admin)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + await Host.LinkAsync(user));
        if (await page.Locator("button:has-text('进入后台')").CountAsync() > 0)
            await page.ClickAsync("button:has-text('进入后台')");
        return page;
    }

    /// <summary>
    /// Logs in on a 390 px phone, opens <paramref name="path"/>, keeps a screenshot and checks that the page does not
    /// scroll sideways. The phone's context is closed with the browser.
    /// </summary>
    public async Task<IPage> OnPhoneAsync(string path, string screenshot)
    {
        var page = await LogInAsync(await PhoneAsync());
        await page.GotoAsync(BaseUrl + path);
        await ScreenshotAsync(page, screenshot);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{path} scrolls sideways on a phone");
        return page;
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }
}
