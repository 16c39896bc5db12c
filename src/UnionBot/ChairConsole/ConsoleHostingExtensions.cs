using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.ChairConsole;

public static class ConsoleHostingExtensions
{
    private const string CookiePath = "/console";

    /// <summary>The chair's console (SPEC section 8): cookie sessions from single-use links, antiforgery, the pages.</summary>
    public static IHostApplicationBuilder AddChairConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        ConsoleKeys.Add(builder);
        // The console's cookie is its only authentication scheme, which would make it every request's default: the
        // authentication middleware would then open the cookie handler (and its Data Protection) for every callback and
        // /healthz. The console authenticates its own requests by the scheme's name (ConsoleAccess), so it needs no default.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddCookie(ConsoleAccess.Scheme, o =>
        {
            o.Cookie.Name = "unionbot_console";
            o.Cookie.Path = CookiePath;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = ConsoleAccess.SessionLifetime;
            o.SlidingExpiration = false;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "unionbot_console_form";
            o.Cookie.Path = CookiePath;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = ConsoleSession.TokenField;
            o.SuppressXFrameOptionsHeader = true; // the console sets its own headers (ConsoleSession.NoStore)
        });
        // Secure follows the address in the links, not the request: behind a proxy that ends TLS the request is plain http.
        services.AddOptions<CookieAuthenticationOptions>(ConsoleAccess.Scheme)
            .Configure<IOptions<UnionBotOptions>, TimeProvider>((o, bot, time) =>
            {
                o.Cookie.SecurePolicy = SecureFor(bot.Value);
                o.TimeProvider = time;
            });
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<UnionBotOptions>>((o, bot) => o.Cookie.SecurePolicy = SecureFor(bot.Value));

        services.AddSingleton<ConsoleAccess>();
        services.AddSingleton<OverviewPage>();
        services.AddSingleton<SignUpPages>();
        services.AddSingleton<AnnouncementsPage>();
        services.AddSingleton<SuggestionsPage>();
        services.AddSingleton<PollsPage>();
        services.AddSingleton<AuditPage>();
        services.AddSingleton<MembersPage>();
        services.AddSingleton<PlanPage>();
        ConsoleKeys.DeferKeyRing(services);
        return builder;
    }

    /// <summary>
    /// The console's routes. Its services (sessions, antiforgery, the pages) are resolved by the requests that use them,
    /// not here: a bot whose console nobody opens never builds them (README, "Start-up and memory").
    /// </summary>
    public static WebApplication MapChairConsole(this WebApplication app)
    {
        app.MapGet("/console/login", (HttpContext http, string? token, ConsoleAccess access, CancellationToken ct) => access.ConfirmAsync(http, token, ct));
        app.MapPost("/console/login", (HttpContext http, ConsoleAccess access, CancellationToken ct) => access.LoginAsync(http, ct));
        app.MapGet("/console/logout", (HttpContext http, ConsoleAccess access) => access.LogoutAsync(http));

        var console = app.MapGroup("/console").AddEndpointFilter(static (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ConsoleAccess>().FilterAsync(context, next));
        console.MapGet("/", (HttpContext http, OverviewPage page, CancellationToken ct) => page.ShowAsync(http, ct));
        console.MapGet("/signups", (HttpContext http, SignUpPages p, CancellationToken ct) => p.ListAsync(http, ct));
        console.MapGet("/signups/{id:long}", (HttpContext http, long id, SignUpPages p, CancellationToken ct) => p.ShowAsync(http, id, ct));
        // Literal routes rather than regex constraints, which the slim builder's routing does not have.
        console.MapGet("/signups/{id:long}.xlsx", (HttpContext http, long id, SignUpPages p, CancellationToken ct) => p.ExportAsync(http, id, "xlsx", ct));
        console.MapGet("/signups/{id:long}.csv", (HttpContext http, long id, SignUpPages p, CancellationToken ct) => p.ExportAsync(http, id, "csv", ct));
        console.MapPost("/signups/{id:long}/close", (HttpContext http, long id, SignUpPages p, CancellationToken ct) => p.CloseAsync(http, id, ct));
        console.MapGet("/announcements", (HttpContext http, string? channel, string? state, AnnouncementsPage p, CancellationToken ct) =>
            p.ShowAsync(http, channel, state, ct));
        console.MapPost("/announcements/{id:long}/send-now", (HttpContext http, long id, AnnouncementsPage p, CancellationToken ct) =>
            p.ChangeAsync(http, id, OutboxChange.SendNow, ct));
        console.MapPost("/announcements/{id:long}/retry", (HttpContext http, long id, AnnouncementsPage p, CancellationToken ct) =>
            p.ChangeAsync(http, id, OutboxChange.Retry, ct));
        console.MapPost("/announcements/{id:long}/skip", (HttpContext http, long id, AnnouncementsPage p, CancellationToken ct) =>
            p.ChangeAsync(http, id, OutboxChange.Skip, ct));
        console.MapGet("/suggestions", (HttpContext http, string? status, SuggestionsPage p, CancellationToken ct) => p.ShowAsync(http, status, ct));
        console.MapPost("/suggestions/{receipt}/reply", (HttpContext http, string receipt, SuggestionsPage p, CancellationToken ct) =>
            p.ReplyAsync(http, receipt, ct));
        console.MapGet("/polls", (HttpContext http, PollsPage p, CancellationToken ct) => p.ShowAsync(http, ct));
        console.MapPost("/polls/{id:long}/close", (HttpContext http, long id, PollsPage p, CancellationToken ct) => p.CloseAsync(http, id, ct));
        console.MapGet("/polls/{id:long}.xlsx", (HttpContext http, long id, PollsPage p, CancellationToken ct) => p.ExportAsync(http, id, ct));
        console.MapGet("/plan", (HttpContext http, PlanPage p) => p.Show(http));
        console.MapPost("/plan/publish", (HttpContext http, PlanPage p, CancellationToken ct) => p.PublishAsync(http, ct));
        console.MapPost("/plan/upload", (HttpContext http, PlanPage p, CancellationToken ct) => p.UploadAsync(http, ct));
        console.MapPost("/plan/discard", (HttpContext http, PlanPage p, CancellationToken ct) => p.DiscardAsync(http, ct));
        console.MapGet("/members", (HttpContext http, MembersPage p) => p.Show(http));
        console.MapPost("/members/preview", (HttpContext http, MembersPage p, CancellationToken ct) => p.PreviewAsync(http, ct));
        console.MapPost("/members/import", (HttpContext http, MembersPage p, CancellationToken ct) => p.ImportAsync(http, ct));
        console.MapGet("/audit", (HttpContext http, AuditPage p, CancellationToken ct) => p.ShowAsync(http, ct));
        console.Map("/{**rest}", (HttpContext http) =>
            ConsoleLayout.Message(ConsoleSession.Of(http), "找不到页面", "后台没有这个页面。", StatusCodes.Status404NotFound));
        return app;
    }

    private static CookieSecurePolicy SecureFor(UnionBotOptions o) =>
        o.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? CookieSecurePolicy.Always : CookieSecurePolicy.None;
}
