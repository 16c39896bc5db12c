using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using UnionBot.Core.Access;
using UnionBot.Core.Commands;
using UnionBot.Core.Members;
using UnionBot.Core.Options;
using UnionBot.Core.Storage;
using static UnionBot.ChairConsole.Html;

namespace UnionBot.ChairConsole;

/// <summary>
/// Who may see the console: a session cookie set by a single-use link, for a user who is an admin at this very
/// request (<see cref="AdminList"/> follows the configuration files, so removing someone from <c>Admins</c> ends their
/// access at their next request), and an antiforgery token on every POST.
/// </summary>
public sealed class ConsoleAccess(
    ConsoleLinks links, AdminList admins, IOptions<UnionBotOptions> options, IAntiforgery antiforgery, MemberDirectory members,
    Database database, TimeProvider time, ILogger<ConsoleAccess> logger)
{
    /// <summary>The form field of the confirmation page that carries the link's token.</summary>
    public const string TokenField = "token";

    public const string Scheme = "console";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private static readonly Html HowToGetIn = H($"""
        <section><p>请用管理员账号<strong>私聊</strong>工会助手，发送 <strong>/后台</strong>，点开回复里的链接即可进入。</p>
        <p class="muted">链接只能用一次，10 分钟内有效。在服务器上也可以运行 <code>unionbot console link --user 你的用户ID</code> 获取链接。</p></section>
        """);

    /// <summary>The filter in front of every console page except login and logout.</summary>
    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var auth = await http.AuthenticateAsync(Scheme);
        var userId = auth.Succeeded ? auth.Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
            return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? ConsoleLayout.Page(null, "请先登录", HowToGetIn)
                : ConsoleLayout.Page(null, "请先登录", HowToGetIn, StatusCodes.Status401Unauthorized);
        if (!IsAdmin(userId))
        {
            await http.SignOutAsync(Scheme);
            logger.LogWarning("Console session of {UserId} ended: no longer in UnionBot:Admins", userId);
            return ConsoleLayout.Message(null, "没有权限", "你已不在管理员名单（UnionBot:Admins）里，不能再使用后台。", StatusCodes.Status403Forbidden);
        }
        http.User = auth.Principal!;
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            logger.LogWarning("Console {Method} {Path} by {UserId} refused: missing or wrong antiforgery token", http.Request.Method, http.Request.Path.Value, userId);
            return ConsoleLayout.Message(null, "请求无效", "这个页面已过期或不是从后台提交的，什么都没有改。请回到后台刷新页面再试。", StatusCodes.Status400BadRequest);
        }
        var token = antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
        http.Features.Set(new ConsoleSession(userId, members.DisplayName(userId), token, options.Value, time));
        return await next(context);
    }

    /// <summary>
    /// <c>GET /console/login?token=…</c>: a page with one button that posts the token. The GET itself uses up nothing:
    /// chat apps fetch a link to show its preview, and a GET that spent the link would leave the chair a dead one.
    /// </summary>
    public async Task<IResult> ConfirmAsync(HttpContext http, string? token, CancellationToken ct)
    {
        var userId = await links.PeekAsync(token, ct);
        if (userId is null) return Expired("the link is unknown, used or expired (shown)");
        if (!IsAdmin(userId)) return NotAnAdmin(userId);
        var formToken = antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
        var tokenField = H($"<input type=\"hidden\" name=\"{TokenField}\" value=\"{token}\">");
        return ConsoleLayout.Page(null, "登录后台", H($"""
            <section><p>这是 <strong>{members.DisplayName(userId)}</strong> 的后台登录链接。</p>
            {ConsoleLayout.Form(formToken, "/console/login", tokenField, "进入后台", css: "block")}
            <p class="muted">链接只能用一次：点了“进入后台”之后，这个链接就不能再用了。</p></section>
            """));
    }

    /// <summary><c>POST /console/login</c>: uses up the link and starts a 12-hour session.</summary>
    public async Task<IResult> LoginAsync(HttpContext http, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            logger.LogWarning("Console login refused: missing or wrong antiforgery token");
            return ConsoleLayout.Message(null, "请求无效", "请重新打开登录链接，点页面上的“进入后台”。", StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(ct);
        var userId = await links.ConsumeAsync(form[TokenField].ToString(), ct);
        if (userId is null) return Expired("the link is unknown, used or expired");
        if (!IsAdmin(userId)) return NotAnAdmin(userId);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], Scheme);
        var now = time.GetUtcNow();
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true, IssuedUtc = now, ExpiresUtc = now + SessionLifetime, AllowRefresh = false });
        await AuditAsync(userId, "console-login", "用登录链接进入后台", ct);
        logger.LogInformation("Console session started for {UserId}", userId);
        ConsoleSession.NoStore(http.Response);
        return Results.Redirect("/console/");
    }

    private IResult Expired(string why)
    {
        logger.LogWarning("Console login refused: {Reason}", why);
        return ConsoleLayout.Page(null, "链接已失效", H($"""
            <p class="note">这个登录链接已经用过、已过期或不完整。</p>{HowToGetIn}
            """), StatusCodes.Status401Unauthorized);
    }

    private IResult NotAnAdmin(string userId)
    {
        logger.LogWarning("Console login of {UserId} refused: not in UnionBot:Admins", userId);
        return ConsoleLayout.Message(null, "没有权限", "后台只对工会管理员开放。", StatusCodes.Status403Forbidden);
    }

    public async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(Scheme);
        return ConsoleLayout.Message(null, "已退出", "已退出后台。需要时再私聊工会助手发 /后台 获取新链接。", StatusCodes.Status200OK);
    }

    private bool IsAdmin(string userId) => admins.Contains(userId);

    private async Task AuditAsync(string userId, string action, string detail, CancellationToken ct)
    {
        var zone = options.Value.FindZone();
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var ctx = new CommandContext(new IncomingMessage(ConsoleSession.ChannelId, PlatformKind.Local, $"console-{Guid.NewGuid():N}", userId,
            null, "", IsPrivate: true), true, now, zone);
        await database.Writes.RunAsync((c, tx) =>
        {
            AuditLog.Record(c, tx, ctx, action, detail);
            return true;
        }, ct);
    }
}
