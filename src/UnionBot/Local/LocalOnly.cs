using System.Net;

namespace UnionBot.Local;

/// <summary>Why a request may not reach the local page; null when it may.</summary>
public sealed record LocalRefusal(int Status, string Reason);

/// <summary>
/// Anyone on the local page may speak as any user id, the chair included, so it answers only a browser on this
/// machine showing the page itself: a loopback peer, not forwarded by a proxy, addressed by a loopback name on the
/// port it came in on (a DNS-rebinding page on evil.example reaches 127.0.0.1 with its own Host), and, when the
/// browser names the page that sent the request (Origin, Sec-Fetch-Site), that page is this one.
/// </summary>
public static class LocalOnly
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    // A proxy in front means the real client is elsewhere, whatever the peer address says. Any header a proxy or CDN
    // adds to name the client or the original host counts, not only the two standard ones.
    private static readonly string[] ProxyHeaders =
    [
        "Forwarded", "X-Real-IP", "X-Client-IP", "Client-IP", "True-Client-IP", "CF-Connecting-IP", "Fastly-Client-IP",
        "X-Cluster-Client-IP", "X-Original-Forwarded-For", "X-Originating-IP", "X-Remote-IP", "X-Remote-Addr",
        "X-ProxyUser-Ip", "X-Host", "X-Original-Host", "X-Original-URL", "X-Rewrite-URL", "Via",
    ];

    public static LocalRefusal? Check(HttpContext context)
    {
        var request = context.Request;
        foreach (var (name, _) in request.Headers)
            if (name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase) ||
                ProxyHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
                return new LocalRefusal(StatusCodes.Status404NotFound, $"forwarded by a proxy ({name})");
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            return new LocalRefusal(StatusCodes.Status404NotFound, "peer is not this machine"); // no address: the in-process test server
        if (!IsOwnHost(context))
            return new LocalRefusal(StatusCodes.Status404NotFound, "Host is not a loopback name on this port");

        // Browsers send Origin on every POST and on cross-origin fetches; "null" is a sandboxed frame or a file.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
            return new LocalRefusal(StatusCodes.Status403Forbidden, "Origin is another page");
        // localhost:3000 is "same-site" with localhost:5080: only the page itself, or an address typed by hand, may ask.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return new LocalRefusal(StatusCodes.Status403Forbidden, "sent from another site");
        return null;
    }

    private static bool IsOwnHost(HttpContext context)
    {
        var host = context.Request.Host;
        if (!host.HasValue || !LoopbackHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase)) return false;
        var defaultPort = context.Request.IsHttps ? 443 : 80;
        // The port the request came in on is the configured one (UnionBot:Urls); the in-process test server has none.
        var ownPort = context.Connection.LocalPort is > 0 and var p ? p : defaultPort;
        return (host.Port ?? defaultPort) == ownPort;
    }
}
