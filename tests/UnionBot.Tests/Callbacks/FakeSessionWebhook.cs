using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UnionBot.Tests.Callbacks;

/// <summary>A real Kestrel server on 127.0.0.1 playing DingTalk's <c>/robot/sendBySession</c>: records each post, answers errcode 0.</summary>
public sealed class FakeSessionWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSessionWebhook(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Session, JsonElement Body)> Posts { get; } = new();

    public static async Task<FakeSessionWebhook> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSessionWebhook? self = null;
        app.MapPost("/robot/sendBySession", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            self!.Posts.Enqueue((context.Request.Query["session"].ToString(), body));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeSessionWebhook(app, address);
        return self;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> posts arrived: the replies are sent from a background queue.</summary>
    public async Task<IReadOnlyList<(string Session, JsonElement Body)>> WaitForAsync(int count, int timeoutMs = 5000)
    {
        for (var waited = 0; Posts.Count < count && waited < timeoutMs; waited += 20) await Task.Delay(20);
        return Posts.ToList();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
