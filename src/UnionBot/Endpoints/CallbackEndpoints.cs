using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Core.Text;
using UnionBot.Local;

namespace UnionBot.Endpoints;

/// <summary>Where teachers' messages come in: the WeCom and DingTalk callbacks (SPEC section 4) and the local page (section 6).</summary>
public static class CallbackEndpoints
{
    public static WebApplication MapCallbackEndpoints(this WebApplication app)
    {
        var callbacks = app.MapGroup("/callbacks");
        callbacks.MapGet("/wecom/{channelId}", (string channelId, HttpRequest request, WeComCallback wecom) =>
            ToResult(wecom.Verify(FromQuery(channelId, request))));
        callbacks.MapPost("/wecom/{channelId}", async (string channelId, HttpRequest request, WeComCallback wecom, CancellationToken ct) =>
            ToResult(await wecom.ReceiveAsync(FromQuery(channelId, request), ct)));
        callbacks.MapPost("/dingtalk/{channelId}", async (string channelId, HttpRequest request, DingTalkCallback dingtalk, CancellationToken ct) =>
            ToResult(await dingtalk.ReceiveAsync(FromHeaders(channelId, request), ct)));

        var local = app.MapGroup("").AddEndpointFilter(async (context, next) =>
            LocalOnly.Check(context.HttpContext) is { } refusal ? Refuse(context.HttpContext, refusal) : await next(context));
        local.MapGet("/", (ChatPage page) => Results.Text(page.Render(), "text/html; charset=utf-8"));
        local.MapGet("/local/users", (LocalRoster roster) => Results.Json(roster.Users));
        local.MapGet("/local/feed", (LocalChat chat, CancellationToken ct, long after = 0, int wait = 0) =>
            chat.FeedAsync(after, wait, ct));
        // text/plain is what a cross-site form or fetch(…, {mode:"no-cors"}) may send without asking first;
        // application/json needs the browser's preflight, which the page never grants.
        local.MapPost("/local/messages", async (HttpRequest request, LocalChat chat, CancellationToken ct) =>
            !request.HasJsonContentType() ? Refuse(request.HttpContext, new LocalRefusal(StatusCodes.Status415UnsupportedMediaType, "body is not application/json"))
            : await ReadLocalPostAsync(request, ct) is { } post ? await chat.PostAsync(post, ct)
            : Results.BadRequest(new { error = "消息格式不对。" }));
        return app;
    }

    private static CallbackRequest FromQuery(string channelId, HttpRequest request) =>
        new(channelId, name => request.Query[name].ToString(), ct => CallbackBody.ReadAsync(request, ct));

    private static CallbackRequest FromHeaders(string channelId, HttpRequest request) =>
        new(channelId, name => request.Headers[name].ToString(), ct => CallbackBody.ReadAsync(request, ct));

    private static IResult ToResult(CallbackAnswer answer) => answer switch
    {
        { Status: not StatusCodes.Status200OK } => Results.StatusCode(answer.Status),
        { Text: { } text } => Results.Text(text, "text/plain", System.Text.Encoding.UTF8),
        // Sent with a Content-Length: Results.Json of the object serialised it by reflection and sent it chunked (curl -i).
        { Json: { } json } => Results.Bytes(json, "application/json; charset=utf-8"),
        _ => Results.Ok(),
    };

    /// <summary>A refused local-page request leaves one warning line.</summary>
    private static IResult Refuse(HttpContext context, LocalRefusal refusal)
    {
        context.RequestServices.GetRequiredService<ILogger<LocalChat>>().LogWarning(
            "Local page {Method} {Path} refused with {Status}: {Reason}",
            context.Request.Method, LogText.Of(context.Request.Path.Value), refusal.Status, refusal.Reason);
        return Results.StatusCode(refusal.Status);
    }

    private static async Task<LocalPost?> ReadLocalPostAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await CallbackBody.ReadAsync(request, ct);
        if (body is null) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<LocalPost>(body, System.Text.Json.JsonSerializerOptions.Web); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
