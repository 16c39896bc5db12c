using Microsoft.Extensions.Time.Testing;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UnionBot.Core.Access;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.ChairConsole;

/// <summary>The real host in-process with the admin <c>chair-userid</c>, and a client that keeps cookies and does not follow redirects.</summary>
public sealed partial class ConsoleHost : IAsyncDisposable
{
    public const string Admin = "chair-userid";
    private readonly UnionBotFactory _factory;

    private ConsoleHost(UnionBotFactory factory)
    {
        _factory = factory;
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public HttpClient Client { get; }
    public FakeTimeProvider Time => _factory.Time;
    public IServiceProvider Services => _factory.Services;
    public string DatabasePath => _factory.DatabasePath;
    public LogCapture Logs => _factory.Logs;

    /// <param name="kestrel">Listen on a real loopback port (for the browser tests) instead of the in-memory test server.</param>
    /// <param name="home">The bot's folder with its own config/ (then the admins come from there), else the repository.</param>
    /// <param name="databasePath">A database file to share with an earlier host (a restart), else a fresh one.</param>
    /// <param name="services">Services added after the bot's own (ConfigureTestServices).</param>
    public static ConsoleHost Start(IDictionary<string, string?>? extra = null, bool kestrel = false, string? home = null, string? databasePath = null,
        Action<IServiceCollection>? services = null)
    {
        // Port 0 through the bot's own setting (Kestrel picks a free port and reports it): WebApplicationFactory's
        // UseKestrel(port) rewrites the server's addresses after the app has started binding, and lost that race now
        // and then ("IServerAddressesFeature.Addresses cannot be modified after the server has started",
        // dotnet/aspnetcore#67714).
        var settings = new Dictionary<string, string?> { ["UnionBot:Urls"] = kestrel ? "http://127.0.0.1:0" : "http://127.0.0.1:5186" };
        if (home is null) settings["UnionBot:Admins:0"] = Admin;
        if (extra is not null) foreach (var (k, v) in extra) settings[k] = v;
        // The manual clock starts at the real time: the client's cookie jar (and the browser's) judges the session
        // cookie's expiry by the real clock, and would drop a cookie that expired in the host's past.
        var now = TimeProvider.System.GetUtcNow();
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero));
        var setup = BotSetup.WithoutRobots(clock).With(settings);
        if (services is not null) setup.WithServices(services);
        var factory = setup.Build(databasePath, home);
        if (kestrel)
        {
            factory.UseKestrel();
            factory.StartServer();
        }
        return new ConsoleHost(factory);
    }

    /// <param name="https">Requests go to https://localhost, so that the jar sends back cookies marked Secure.</param>
    public HttpClient NewClient(bool https = false) => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    /// <summary>A client without a cookie jar: the test sets the Cookie header itself.</summary>
    public HttpClient BareClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A fresh login link's path and query, as /后台 would send it.</summary>
    public async Task<string> LinkAsync(string user = Admin, TimeSpan? lifetime = null)
    {
        var link = await Services.GetRequiredService<ConsoleLinks>().IssueAsync(user, lifetime ?? ConsoleLinks.DefaultLifetime);
        return new Uri(link.Url).PathAndQuery;
    }

    /// <summary>Logs <see cref="Client"/> in with a fresh link: opens it, then presses 进入后台.</summary>
    public async Task<HttpResponseMessage> LoginAsync(HttpClient? client = null) => await LoginWithAsync(await LinkAsync(), client);

    /// <summary>Opens <paramref name="link"/> and submits its confirmation form, as the chair's browser does.</summary>
    public async Task<HttpResponseMessage> LoginWithAsync(string link, HttpClient? client = null)
    {
        client ??= Client;
        var page = await client.GetAsync(link);
        if (!page.IsSuccessStatusCode) return page;
        var html = await page.Content.ReadAsStringAsync();
        return await client.PostAsync("/console/login", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("token", LinkTokenRegex().Match(html).Groups[1].Value),
            KeyValuePair.Create("__RequestVerificationToken", FormToken(html)),
        ]));
    }

    /// <summary>A command typed in the WeCom group by <paramref name="user"/>, through the real pipeline.</summary>
    public async Task<string> SayAsync(string user, string text) =>
        (await Services.GetRequiredService<Conversation>().AnswerOnceAsync(new IncomingMessage("wecom-all", PlatformKind.WeCom,
            $"m-{Guid.NewGuid():N}", user, null, text)))!.Markdown;

    /// <summary>Submits a form as the browser would: the antiforgery token is taken from <paramref name="page"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, params (string Key, string Value)[] fields)
    {
        var token = FormToken(await Client.GetStringAsync(page));
        return await Client.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    /// <summary>Posts <paramref name="bytes"/> as the file of the upload form, as the browser does (multipart, token from <paramref name="page"/>).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string page, string action, byte[] bytes, string fileName, bool withToken = true)
    {
        var token = FormToken(await Client.GetStringAsync(page));
        var form = new MultipartFormDataContent();
        if (withToken) form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await Client.PostAsync(action, form);
    }

    public Task<List<T>> QueryAsync<T>(string sql, object? args = null) => TestDatabase.QueryAsync<T>(DatabasePath, sql, args);

    public UnionBotOptions Options => Services.GetRequiredService<IOptionsMonitor<UnionBotOptions>>().CurrentValue;

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string FormToken(string html) => TokenRegex().Match(html) is { Success: true } m ? m.Groups[1].Value
        : throw new InvalidOperationException("no form token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("name=\"token\" value=\"([^\"]*)\"")]
    private static partial Regex LinkTokenRegex();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
