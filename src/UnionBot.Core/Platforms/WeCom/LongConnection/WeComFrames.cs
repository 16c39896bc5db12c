using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>
/// One JSON text frame of the 智能机器人 long connection (PROTOCOLS.md 1.2): <c>{cmd, headers:{req_id}, body}</c> from
/// UnionBot; pushes carry a <c>cmd</c>, acks carry <c>errcode</c>/<c>errmsg</c> and echo the <c>req_id</c> they answer.
/// </summary>
public sealed record WeComFrame(string? Cmd, string ReqId, int? ErrCode, string? ErrMsg, JsonElement? Body)
{
    public const string Subscribe = "aibot_subscribe";
    public const string Ping = "ping";
    public const string MessageCallback = "aibot_msg_callback";
    public const string EventCallback = "aibot_event_callback";
    public const string Respond = "aibot_respond_msg";
    public const string Send = "aibot_send_msg";
    public const string Disconnected = "disconnected_event";

    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An ack has an errcode and no command of its own.</summary>
    public bool IsAck => ErrCode is not null && Cmd is null or Subscribe or Ping or Respond or Send;

    /// <summary>Whether the gateway said another connection took over this bot (as a cmd or as an event in the body).</summary>
    public bool IsDisconnected =>
        Cmd == Disconnected ||
        Cmd == EventCallback && Body is { ValueKind: JsonValueKind.Object } b &&
        b.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object &&
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("eventtype", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals(Disconnected);

    /// <summary>Null when the text is not a JSON object with a <c>headers.req_id</c> (the frame is then ignored and logged).</summary>
    public static WeComFrame? Parse(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var cmd = JsonFields.String(root, "cmd");
            var reqId = root.TryGetProperty("headers", out var h) ? JsonFields.String(h, "req_id") : null;
            if (reqId is null && cmd != Disconnected) return null;
            int? errcode = root.TryGetProperty("errcode", out var ec) && ec.ValueKind == JsonValueKind.Number && ec.TryGetInt32(out var n) ? n : null;
            var errmsg = JsonFields.String(root, "errmsg");
            JsonElement? body = root.TryGetProperty("body", out var b) ? b.Clone() : null;
            return new WeComFrame(cmd, reqId ?? "", errcode, errmsg, body);
        }
        catch (JsonException) { return null; }
    }

    public static string Build(string cmd, string reqId, object? body = null)
    {
        var frame = new JsonObject { ["cmd"] = cmd, ["headers"] = new JsonObject { ["req_id"] = reqId } };
        if (body is not null) frame["body"] = JsonSerializer.SerializeToNode(body, Plain);
        return frame.ToJsonString(Plain);
    }

    public static string SubscribeFrame(string reqId, string botId, string secret) =>
        Build(Subscribe, reqId, new Dictionary<string, string> { ["bot_id"] = botId, ["secret"] = secret });

    public static string PingFrame(string reqId) => Build(Ping, reqId);

    /// <summary>The stream reply to a callback: finished in one frame, since UnionBot's answers are computed at once.</summary>
    public static string RespondFrame(string callbackReqId, string streamId, string markdown) =>
        Build(Respond, callbackReqId, new Dictionary<string, object>
        {
            ["msgtype"] = "stream",
            ["stream"] = new Dictionary<string, object> { ["id"] = streamId, ["finish"] = true, ["content"] = markdown },
        });

    public static string SendFrame(string reqId, string chatId, string markdown) =>
        Build(Send, reqId, new Dictionary<string, object>
        {
            ["chatid"] = chatId,
            ["msgtype"] = "markdown",
            ["markdown"] = new Dictionary<string, string> { ["content"] = markdown },
        });
}
