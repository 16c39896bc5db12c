using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// The DingTalk Stream gateway (PROTOCOLS.md 2.2) on 127.0.0.1: the open API (<c>POST /v1.0/gateway/connections/open</c>,
/// a WireMock.Net server) checks the app's clientId/clientSecret and the robot subscription and hands out single-use
/// tickets valid 90 s on the fake's clock; the WebSocket gateway (Kestrel, <c>/connect?ticket=…</c>) accepts a socket
/// only for a fresh ticket. Callback frames stay pending until
/// acknowledged and are pushed again on the next connection, as DingTalk does.
/// </summary>
public sealed class FakeDingTalkStreamGateway(TimeProvider time, string clientId, string clientSecret) : IAsyncDisposable
{
    public const string RobotTopic = "/v1.0/im/bot/messages/get";
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(90);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeStreamSession> _sessions = new();
    private WebApplication? _app;
    private WireMockServer? _api;
    private string _socketBase = "";
    private int _opens, _refusedSockets, _outages;

    /// <summary>The open API's address: the value for <c>UnionBot:DingTalk:OpenApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";
    /// <summary>Calls to the open endpoint, accepted or not.</summary>
    public int Opens => _opens;
    /// <summary>WebSocket attempts refused for an unknown, reused or expired ticket.</summary>
    public int RefusedSockets => _refusedSockets;
    /// <summary>The next <paramref name="times"/> open calls fail with 503, as during a gateway outage.</summary>
    public void FailNextOpens(int times) => _outages = times;

    public IReadOnlyList<FakeStreamSession> Sessions => _sessions.ToList();
    public FakeStreamSession? Current => _sessions.LastOrDefault(s => s.IsOpen);
    /// <summary>Callback frames not acknowledged yet.</summary>
    public IReadOnlyCollection<string> Pending => _pending.Keys.ToList();

    public static async Task<FakeDingTalkStreamGateway> StartAsync(TimeProvider time, string clientId, string clientSecret)
    {
        var gateway = new FakeDingTalkStreamGateway(time, clientId, clientSecret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/connect", gateway.ConnectAsync);
        await app.StartAsync();
        gateway._app = app;
        gateway._socketBase = app.Urls.First().TrimEnd('/').Replace("http://", "ws://");
        gateway._api = WireMockServer.Start();
        gateway._api.Given(Request.Create().WithPath("/v1.0/gateway/connections/open").UsingPost())
            .RespondWith(Response.Create().WithCallback(gateway.Open));
        gateway.BaseUrl = gateway._api.Url!.TrimEnd('/');
        return gateway;
    }

    /// <summary>A robot message, as DingTalk pushes it: a CALLBACK frame whose data is the HTTP-mode body.</summary>
    public Task PushCallbackAsync(string messageId, string data, FakeStreamSession? on = null)
    {
        var frame = Frame("CALLBACK", messageId, RobotTopic, data);
        _pending[messageId] = frame;
        return (on ?? Current ?? throw new InvalidOperationException("no open connection")).SendAsync(frame);
    }

    /// <summary>Like <see cref="PushCallbackAsync"/>, but with no connection open the frame waits for the next one.</summary>
    public Task QueueCallbackAsync(string messageId, string data)
    {
        var frame = Frame("CALLBACK", messageId, RobotTopic, data);
        _pending[messageId] = frame;
        return Current?.SendAsync(frame) ?? Task.CompletedTask;
    }

    public Task SendPingAsync(string messageId, string data) =>
        Current!.SendAsync(Frame("SYSTEM", messageId, "ping", data));

    public Task SendDisconnectAsync(string messageId) =>
        Current!.SendAsync(Frame("SYSTEM", messageId, "disconnect", """{"reason":"gateway restarting"}"""));

    private ResponseMessage Open(IRequestMessage request)
    {
        Interlocked.Increment(ref _opens);
        if (Interlocked.Decrement(ref _outages) >= 0) return Json(503, new { code = "ServiceUnavailable", message = "gateway outage" });
        var accept = request.Headers is { } headers && headers.TryGetValue("Accept", out var values) ? string.Join(",", values) : "";
        if (!accept.Contains("application/json"))
            return Json(400, new { code = "invalidParameter", message = "Accept must be application/json" });
        var body = FakeJson.Object(request.Body ?? "");
        if (body is not { } root || FakeJson.String(root, "clientId") != clientId || FakeJson.String(root, "clientSecret") != clientSecret)
            return Json(401, new { code = "InvalidAuthentication", message = "clientId or clientSecret is invalid" });
        var subscribed = root.TryGetProperty("subscriptions", out var subs) && subs.ValueKind == JsonValueKind.Array
            && subs.EnumerateArray().Any(s => FakeJson.String(s, "type") == "CALLBACK" && FakeJson.String(s, "topic") == RobotTopic);
        if (!subscribed) return Json(400, new { code = "invalidParameter", message = "subscriptions" });
        var ticket = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "+/="; // characters that must be URL-encoded
        _tickets[ticket] = time.GetUtcNow() + TicketLifetime;
        return Json(200, new { endpoint = _socketBase + "/connect", ticket });
    }

    private static ResponseMessage Json(int status, object body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = JsonSerializer.Serialize(body), DetectedBodyType = BodyType.String },
    };

    private async Task ConnectAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        // Single use: removed on the first attempt, good or not.
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(ticket, out var expires) || time.GetUtcNow() > expires)
        {
            Interlocked.Increment(ref _refusedSockets);
            context.Response.StatusCode = 401;
            return;
        }
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new FakeStreamSession(socket, othersOpen: _sessions.Count(s => s.IsOpen), ack: id => _pending.TryRemove(id, out _));
        _sessions.Enqueue(session);
        foreach (var frame in _pending.Values) await session.SendAsync(frame);
        await session.RunAsync(context.RequestAborted);
    }

    private static string Frame(string type, string messageId, string topic, string data) => JsonSerializer.Serialize(new
    {
        specVersion = "1.0", type,
        headers = new { messageId, topic, contentType = "application/json", time = "1690362102194" },
        data,
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _sessions.Where(s => !s.Ended.IsCompleted)) s.Abort();
        if (_app is not null) await _app.DisposeAsync();
        _api?.Stop();
        _api?.Dispose();
    }
}

/// <summary>One accepted WebSocket: what the client sent back, and how it closed.</summary>
public sealed class FakeStreamSession(WebSocket socket, int othersOpen, Func<string, bool> ack)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentQueue<JsonElement> _acks = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many other connections were still open when this one was accepted.</summary>
    public int OthersOpenAtStart { get; } = othersOpen;
    public bool IsOpen => socket.State == WebSocketState.Open && !_ended.Task.IsCompleted;
    public IReadOnlyList<JsonElement> Acks => _acks.ToList();
    /// <summary>The client's close status, null while open or when the socket just vanished.</summary>
    public WebSocketCloseStatus? ClientClose { get; private set; }
    public Task Ended => _ended.Task;

    public JsonElement? AckFor(string messageId) =>
        _acks.Select(a => (JsonElement?)a).FirstOrDefault(a => a!.Value.GetProperty("headers").GetProperty("messageId").GetString() == messageId);

    public async Task SendAsync(string frame)
    {
        await _send.WaitAsync();
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None); }
        finally { _send.Release(); }
    }

    /// <summary>The gateway closes the socket with a close frame (as after a disconnect notice).</summary>
    public Task CloseAsync() => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

    /// <summary>The TCP connection vanishes: no close frame.</summary>
    public void Abort() { socket.Abort(); _ended.TrySetResult(); }

    internal async Task RunAsync(CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientClose = result.CloseStatus;
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                var json = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
                _acks.Enqueue(json);
                if (json.GetProperty("code").GetInt32() == 200) ack(json.GetProperty("headers").GetProperty("messageId").GetString()!);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        finally { _ended.TrySetResult(); }
    }
}
