using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using UnionBot.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

public sealed class ConsoleAccessTests
{
    [Fact]
    public async Task ALinkLogsInOnceWithAStrictHttpOnlyTwelveHourCookie()
    {
        await using var host = ConsoleHost.Start();
        var link = await host.LinkAsync();

        var first = await host.LoginWithAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/console/", first.Headers.Location?.OriginalString);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("unionbot_console="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=" + (host.Time.GetUtcNow() + TimeSpan.FromHours(12)).ToString("R"), cookie, StringComparison.OrdinalIgnoreCase);
        var overview = await host.Client.GetStringAsync("/console/");
        Assert.Contains("接下来要发的通知", overview);

        var second = await host.NewClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("已经用过、已过期或不完整", await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain(second.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("unionbot_console="));
    }

    [Fact]
    public async Task OpeningALinkOnlyAsksForAClickSoALinkPreviewBotDoesNotUseItUp()
    {
        await using var host = ConsoleHost.Start();
        var link = await host.LinkAsync();

        var preview = await host.NewClient().GetAsync(link); // the chat app fetches the link to show its preview
        var again = await host.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.DoesNotContain(preview.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("unionbot_console="));
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("进入后台", html);
        Assert.Contains("王主席", html);
        Assert.Contains("action=\"/console/login\"", html);
        Assert.Equal([(string?)null], await host.QueryAsync<string?>("SELECT used_at FROM console_links"));
        Assert.Contains("请先登录", await host.Client.GetStringAsync("/console/"));

        var login = await host.LoginWithAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("接下来要发的通知", await host.Client.GetStringAsync("/console/"));
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryTokenIsRefusedAndLeavesTheLinkUsable()
    {
        await using var host = ConsoleHost.Start();
        var link = await host.LinkAsync();

        var forged = await host.NewClient().PostAsync("/console/login",
            new FormUrlEncodedContent([KeyValuePair.Create("token", link.Split("token=")[1])]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("unionbot_console="));
        Assert.Equal(HttpStatusCode.Redirect, (await host.LoginWithAsync(link)).StatusCode);
    }

    [Fact]
    public async Task TheCookieIsSecureWhenThePublicUrlIsHttps()
    {
        await using var host = ConsoleHost.Start(new Dictionary<string, string?> { ["UnionBot:PublicUrl"] = "https://bot.school.example" });
        var link = await host.Services.GetRequiredService<UnionBot.Core.Access.ConsoleLinks>().IssueAsync(ConsoleHost.Admin, TimeSpan.FromMinutes(10));
        Assert.StartsWith("https://bot.school.example/console/login?token=", link.Url);

        var response = await host.LoginWithAsync(new Uri(link.Url).PathAndQuery, host.NewClient(https: true));

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("unionbot_console=") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("expired")]
    [InlineData("missing")]
    public async Task ATamperedExpiredOrMissingTokenIsRefused(string how)
    {
        await using var host = ConsoleHost.Start();
        var link = await host.LinkAsync();
        var url = how switch
        {
            "tampered" => link[..^1] + (link[^1] == 'A' ? 'B' : 'A'),
            "missing" => "/console/login",
            _ => link,
        };
        if (how == "expired") host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/console/")).StatusCode);
        Assert.Contains("请先登录", await host.Client.GetStringAsync("/console/"));
    }

    [Theory]
    [InlineData("/console/")]
    [InlineData("/console/signups")]
    [InlineData("/console/no-such-page")]
    public async Task WithoutASessionEveryPageShowsHowToGetALink(string path)
    {
        await using var host = ConsoleHost.Start();

        var get = await host.Client.GetAsync(path);
        var post = await host.Client.PostAsync(path, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        Assert.Contains("/后台", html);
        Assert.DoesNotContain("接下来要发的通知", html);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task AnAdminRemovedFromTheConfigurationFileLosesAccessAtTheNextRequest()
    {
        using var home = new TempDirectory();
        var file = WriteAdmins(home, ConsoleHost.Admin, "vice-chair");
        await using var host = ConsoleHost.Start(home: home.Path);
        await host.LoginAsync();
        Assert.Contains("接下来要发的通知", await host.Client.GetStringAsync("/console/"));
        Assert.Contains("只在私聊里发送", await host.SayAsync(ConsoleHost.Admin, "/后台"));

        await RewriteAndAwaitReloadAsync(host, () => WriteAdmins(home, "vice-chair"));
        var response = await host.Client.GetAsync("/console/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("接下来要发的通知", await response.Content.ReadAsStringAsync());
        Assert.Contains("只对工会管理员开放", await host.SayAsync(ConsoleHost.Admin, "/后台"));
        Assert.Contains("请先登录", await host.Client.GetStringAsync("/console/")); // the session is gone, not just refused
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task AnEditThatLeavesTheConfigurationInvalidKeepsTheAdminsAsTheyWere()
    {
        using var home = new TempDirectory();
        WriteAdmins(home, ConsoleHost.Admin);
        await using var host = ConsoleHost.Start(home: home.Path);
        await host.LoginAsync();

        await RewriteAndAwaitReloadAsync(host, () => File.WriteAllText(Path.Combine(home.Path, "config", "unionbot.json"),
            """{ "UnionBot": { "Admins": [ "someone-else" ], "Schedule": { "MonthlyNotice": { "Day": 40 } } } }"""));
        var response = await host.Client.GetAsync("/console/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("接下来要发的通知", await response.Content.ReadAsStringAsync());
        Assert.Contains("只在私聊里发送", await host.SayAsync(ConsoleHost.Admin, "/后台"));
    }

    private static string WriteAdmins(TempDirectory home, params string[] admins)
    {
        Directory.CreateDirectory(Path.Combine(home.Path, "config"));
        var file = Path.Combine(home.Path, "config", "unionbot.json");
        File.WriteAllText(file, $$"""{ "UnionBot": { "Admins": [ {{string.Join(", ", admins.Select(a => $"\"{a}\""))}} ] } }""");
        return file;
    }

    /// <summary>Rewrites a watched file and waits until the admins were read again (the watcher is asynchronous).</summary>
    private static async Task RewriteAndAwaitReloadAsync(ConsoleHost host, Action rewrite)
    {
        var admins = host.Services.GetRequiredService<AdminList>();
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded() => reloaded.TrySetResult();
        admins.Reloaded += OnReloaded;
        try
        {
            rewrite();
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            admins.Reloaded -= OnReloaded;
        }
    }

    [Fact]
    public async Task TheSessionKeysAreReadWhenTheConsoleIsFirstUsedNotAtStart()
    {
        using var dir = new TempDirectory();
        var database = Path.Combine(dir.Path, "data", "unionbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var keys = Path.Combine(dir.Path, "data", "keys");
        await using var host = ConsoleHost.Start(databasePath: database);

        Assert.Equal(HttpStatusCode.OK, (await host.BareClient().GetAsync("/healthz")).StatusCode);
        Assert.DoesNotContain(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(),
            s => s.GetType().FullName == UnionBot.ChairConsole.ConsoleKeys.KeyRingLoader);
        Assert.False(Directory.Exists(keys) && Directory.EnumerateFiles(keys, "key-*.xml").Any());

        var login = await host.LoginAsync();

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task TheConsolesSessionAndAntiforgeryServicesAreBuiltWhenTheConsoleIsFirstUsedNotAtStart()
    {
        var built = new BuiltOptions();
        await using var host = ConsoleHost.Start(services: s => s
            .AddSingleton<IConfigureOptions<AntiforgeryOptions>>(built)
            .AddSingleton<IConfigureOptions<CookieAuthenticationOptions>>(built));

        Assert.Equal(HttpStatusCode.OK, (await host.BareClient().GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.BareClient().GetAsync("/no-such-page")).StatusCode);
        Assert.Equal(0, built.Antiforgery);
        Assert.Equal(0, built.Cookies);

        Assert.Contains("请先登录", await host.BareClient().GetStringAsync("/console/"));
        Assert.Equal(1, built.Antiforgery);
        Assert.Equal(1, built.Cookies);
    }

    /// <summary>Counts how often the framework builds the console's antiforgery and cookie options (once each, at first use).</summary>
    private sealed class BuiltOptions : IConfigureOptions<AntiforgeryOptions>, IConfigureNamedOptions<CookieAuthenticationOptions>
    {
        public int Antiforgery;
        public int Cookies;

        public void Configure(AntiforgeryOptions options) => Interlocked.Increment(ref Antiforgery);

        public void Configure(string? name, CookieAuthenticationOptions options)
        {
            if (name == UnionBot.ChairConsole.ConsoleAccess.Scheme) Interlocked.Increment(ref Cookies);
        }

        public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
    }

    [Fact]
    public void TheHostedServiceThatTheBotLeavesOutIsTheOneDataProtectionRegisters()
    {
        // Should the framework rename it, the bot would quietly load the keys at start again: this says so.
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection();

        Assert.Contains(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
            && d.ImplementationType?.FullName == UnionBot.ChairConsole.ConsoleKeys.KeyRingLoader);
    }

    [Fact]
    public async Task ASessionSurvivesARestartBecauseItsKeysAreKeptBesideTheDatabase()
    {
        using var dir = new TempDirectory();
        var database = Path.Combine(dir.Path, "data", "unionbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        string cookie;
        await using (var before = ConsoleHost.Start(databasePath: database))
        {
            var login = await before.LoginAsync();
            cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("unionbot_console=")).Split(';')[0];
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, "data", "keys"), "key-*.xml"));

        await using var after = ConsoleHost.Start(databasePath: database);
        var request = new HttpRequestMessage(HttpMethod.Get, "/console/");
        request.Headers.Add("Cookie", cookie);
        var response = await after.BareClient().SendAsync(request);

        Assert.Contains("接下来要发的通知", await response.Content.ReadAsStringAsync());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.Combine(dir.Path, "data", "keys")));
    }

    [Fact]
    public async Task ALinkIssuedToSomeoneWhoIsNotAnAdminLetsNobodyIn()
    {
        await using var host = ConsoleHost.Start();
        var link = await host.LinkAsync("teacher-li");

        var response = await host.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("请先登录", await host.Client.GetStringAsync("/console/"));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedWith400()
    {
        await using var host = ConsoleHost.Start();
        await host.LoginAsync();

        var response = await host.Client.PostAsync("/console/", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheLoginIsInTheAuditLogWithTheAdminsId()
    {
        await using var host = ConsoleHost.Start();
        await host.LoginAsync();

        var rows = await host.QueryAsync<(string, string)>("SELECT user_id, action FROM audit_log");
        Assert.Contains((ConsoleHost.Admin, "console-login"), rows);
    }

    [Fact]
    public async Task TheTokenIsStoredOnlyAsItsHash()
    {
        await using var host = ConsoleHost.Start();
        var link = await host.LinkAsync();
        var token = link.Split("token=")[1];

        var hashes = await host.QueryAsync<string>("SELECT token_hash FROM console_links");
        Assert.Single(hashes);
        Assert.DoesNotContain(token, hashes[0]);
        Assert.Equal(43, token.Length); // 256 random bits, base64url
    }

    [Fact]
    public async Task TheLocalChatPageStaysThisMachineOnlyWhileTheConsoleIsServedToTheNetwork()
    {
        await using var host = ConsoleHost.Start();
        var forwarded = new HttpRequestMessage(HttpMethod.Get, "/");
        forwarded.Headers.Add("X-Forwarded-For", "192.0.2.7");
        var consoleForwarded = new HttpRequestMessage(HttpMethod.Get, "/console/");
        consoleForwarded.Headers.Add("X-Forwarded-For", "192.0.2.7");

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(forwarded)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(consoleForwarded)).StatusCode);
    }
}
