using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// The WeCom 智能机器人 long-connection gateway (PROTOCOLS.md 1.2) on 127.0.0.1: checks the subscribe frame's bot_id and
/// secret, acks pings (or stops on demand), pushes callbacks and records the replies, answers aibot_send_msg, and can
/// drop the socket, close it, or send <c>disconnected_event</c>. Like WeCom, it pushes again, after a reconnect, every
/// callback that got no acknowledged reply.
/// </summary>
public sealed class FakeWeComGateway(string botId, string secret) : IAsyncDisposable
{
    public sealed record Reply(string MsgId, string ReqId, string Content, JsonElement Frame);
    public sealed record Post(string ChatId, string Content, JsonElement Frame);
    private sealed record Pushed(string ReqId, string MsgId, string Json);

    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly ConcurrentQueue<Post> _posts = new();
    private readonly ConcurrentDictionary<string, Pushed> _unanswered = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private WebApplication? _app;
    private volatile WebSocket? _current;
    private int _subscribes, _refused, _pings, _cleanCloses, _connections;

    public string Url { get; private set; } = "";
    public bool AckPings { get; set; } = true;
    /// <summary>The errcode the next aibot_send_msg frames are answered with.</summary>
    public int SendErrCode { get; set; }
    /// <summary>When set, the next aibot_respond_msg is not acknowledged: the socket drops as it arrives.</summary>
    public bool DropOnNextReply { get; set; }

    public IReadOnlyList<Reply> Replies => _replies.ToList();
    public IReadOnlyList<Post> Posts => _posts.ToList();
    public int Subscribes => Volatile.Read(ref _subscribes);
    public int RefusedSubscribes => Volatile.Read(ref _refused);
    public int Pings => Volatile.Read(ref _pings);
    public int CleanCloses => Volatile.Read(ref _cleanCloses);
    public int Connections => Volatile.Read(ref _connections);
    public bool IsSubscribed => _current is { State: WebSocketState.Open };

    public static async Task<FakeWeComGateway> StartAsync(string botId, string secret)
    {
        var gateway = new FakeWeComGateway(botId, secret);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Fake", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(gateway.AcceptAsync);
        await app.StartAsync();
        gateway._app = app;
        gateway.Url = app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/');
        return gateway;
    }

    /// <summary>Pushes a group text message that @mentions the bot, as <c>aibot_msg_callback</c>.</summary>
    public Task PushTextAsync(string msgId, string userId, string content, string chatId = "CHAT-GROUP-1") =>
        PushAsync(msgId, JsonSerializer.Serialize(new
        {
            msgid = msgId, aibotid = botId, chatid = chatId, chattype = "group", from = new { userid = userId },
            response_url = "https://example.invalid/r", msgtype = "text", text = new { content = "@工会助手 " + content },
        }));

    /// <summary>Pushes any callback body (another msgtype, a malformed one…).</summary>
    public async Task PushAsync(string msgId, string bodyJson, string cmd = "aibot_msg_callback")
    {
        var pushed = new Pushed($"cb_{Guid.NewGuid():N}", msgId, bodyJson);
        if (cmd == "aibot_msg_callback") _unanswered[pushed.ReqId] = pushed;
        await SendAsync(Frame(cmd, pushed.ReqId, JsonNode.Parse(bodyJson)));
    }

    /// <summary>Pushes the same callback again, with a new req_id, as WeCom does when it is unsure the first arrived.</summary>
    public Task PushAgainAsync(string msgId) =>
        _unanswered.Values.FirstOrDefault(p => p.MsgId == msgId) is { } p ? PushAsync(msgId, p.Json) : throw new InvalidOperationException($"{msgId} was answered");

    public Task SendDisconnectedEventAsync() => SendAsync(Frame("disconnected_event", $"ev_{Guid.NewGuid():N}", null));

    /// <summary>Cuts the TCP connection without a close frame (a NAT timeout, a network change).</summary>
    public void Drop() => _current?.Abort();

    /// <summary>Closes the connection properly from the gateway's side.</summary>
    public async Task CloseAsync()
    {
        if (_current is { } socket) await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "server restart", CancellationToken.None);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest) { context.Response.StatusCode = 400; return; }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _connections);
        var subscribed = false;
        try
        {
            while (await ReceiveAsync(socket) is { } text)
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                var cmd = root.GetProperty("cmd").GetString();
                var reqId = root.GetProperty("headers").GetProperty("req_id").GetString()!;
                if (!subscribed)
                {
                    if (cmd != "aibot_subscribe") return; // the protocol: subscribe comes first
                    var body = root.GetProperty("body");
                    var ok = body.GetProperty("bot_id").GetString() == botId && body.GetProperty("secret").GetString() == secret;
                    await SendOnAsync(socket, Ack(reqId, ok ? 0 : 40058, ok ? "ok" : "invalid bot_id or secret"));
                    if (!ok) { Interlocked.Increment(ref _refused); await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "auth", CancellationToken.None); return; }
                    subscribed = true;
                    Interlocked.Increment(ref _subscribes);
                    _current = socket;
                    foreach (var p in _unanswered.Values) await SendOnAsync(socket, Frame("aibot_msg_callback", p.ReqId, JsonNode.Parse(p.Json)));
                    continue;
                }
                switch (cmd)
                {
                    case "ping":
                        Interlocked.Increment(ref _pings);
                        if (AckPings) await SendOnAsync(socket, Ack(reqId, 0, "ok"));
                        break;
                    case "aibot_respond_msg":
                        if (DropOnNextReply) { DropOnNextReply = false; socket.Abort(); return; }
                        if (!_unanswered.TryRemove(reqId, out var pushed)) { await SendOnAsync(socket, Ack(reqId, 40001, "unknown req_id")); break; }
                        _replies.Enqueue(new Reply(pushed.MsgId, reqId, root.GetProperty("body").GetProperty("stream").GetProperty("content").GetString()!, root.Clone()));
                        await SendOnAsync(socket, Ack(reqId, 0, "ok"));
                        break;
                    case "aibot_send_msg":
                        var send = root.GetProperty("body");
                        if (SendErrCode == 0)
                            _posts.Enqueue(new Post(send.GetProperty("chatid").GetString()!, send.GetProperty("markdown").GetProperty("content").GetString()!, root.Clone()));
                        await SendOnAsync(socket, Ack(reqId, SendErrCode, SendErrCode == 0 ? "ok" : "scripted by the test"));
                        break;
                }
            }
            if (socket.State == WebSocketState.CloseReceived)
            {
                Interlocked.Increment(ref _cleanCloses);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            if (_current == socket) _current = null;
        }
    }

    private static async Task<string?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var used = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(used), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            used += result.Count;
            if (result.EndOfMessage) return Encoding.UTF8.GetString(buffer, 0, used);
        }
    }

    private async Task SendAsync(string frame)
    {
        var socket = _current ?? throw new InvalidOperationException("no bot is connected");
        await SendOnAsync(socket, frame);
    }

    private async Task SendOnAsync(WebSocket socket, string frame)
    {
        await _sendGate.WaitAsync();
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None); }
        finally { _sendGate.Release(); }
    }

    private static string Frame(string cmd, string reqId, JsonNode? body)
    {
        var frame = new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId } };
        if (body is not null) frame["body"] = body;
        return frame.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Ack(string reqId, int errcode, string errmsg) =>
        new JsonObject { ["headers"] = new JsonObject { ["req_id"] = reqId }, ["errcode"] = errcode, ["errmsg"] = errmsg }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
