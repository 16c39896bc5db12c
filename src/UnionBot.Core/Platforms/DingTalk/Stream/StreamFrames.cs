using System.Text.Encodings.Web;
using System.Text.Json;

namespace UnionBot.Core.Platforms.DingTalk.Stream;

/// <summary>One frame pushed by the Stream gateway (PROTOCOLS.md 2.2); only the fields UnionBot acts on.</summary>
public sealed record StreamFrame(string Type, string MessageId, string? Topic, string Data)
{
    /// <summary>The topic of messages typed to the robot; its <c>data</c> is the HTTP-mode callback body.</summary>
    public const string RobotTopic = "/v1.0/im/bot/messages/get";

    // Quotes inside data written as \" (as in the protocol's examples), not \u0022: the same JSON, easier to read in a capture.
    private static readonly JsonSerializerOptions AckJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool IsPing => Type == "SYSTEM" && Topic == "ping";
    public bool IsDisconnect => Type == "SYSTEM" && Topic == "disconnect";
    public bool IsRobotMessage => Type == "CALLBACK" && Topic == RobotTopic;

    /// <summary>Null when the frame is not JSON or has no type or messageId (it cannot even be acknowledged).</summary>
    public static StreamFrame? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var root = JsonDocument.Parse(json.ToArray()).RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { } type) return null;
            if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object) return null;
            if (Str(headers, "messageId") is not { } id) return null;
            return new StreamFrame(type, id, Str(headers, "topic"), Str(root, "data") ?? "");
        }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// The acknowledgement the gateway waits for: a ping is answered with its own data, everything else with an
    /// empty response. Unacknowledged frames are pushed again.
    /// </summary>
    public byte[] Ack() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        code = 200,
        headers = new { contentType = "application/json", messageId = MessageId },
        message = "OK",
        data = IsPing ? Data : """{"response":null}""",
    }, AckJson);

    private static string? Str(JsonElement e, string name) => JsonFields.String(e, name);
}

/// <summary>The body of <c>POST /v1.0/gateway/connections/open</c>.</summary>
public sealed record OpenConnectionRequest(string ClientId, string ClientSecret, IReadOnlyList<Subscription> Subscriptions, string Ua)
{
    public static OpenConnectionRequest ForRobot(string appKey, string appSecret) =>
        new(appKey, appSecret, [new Subscription("CALLBACK", StreamFrame.RobotTopic)], "unionbot/1.0");
}

public sealed record Subscription(string Type, string Topic);

/// <summary>Where to connect, with a single-use ticket valid 90 s.</summary>
public sealed record OpenConnectionResponse(string Endpoint, string Ticket)
{
    public Uri Address => new(Endpoint + (Endpoint.Contains('?') ? "&" : "?") + "ticket=" + Uri.EscapeDataString(Ticket));

    public static OpenConnectionResponse? Parse(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var endpoint = JsonFields.String(root, "endpoint");
            var ticket = JsonFields.String(root, "ticket");
            return endpoint is { Length: > 0 } && ticket is { Length: > 0 }
                && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
                ? new OpenConnectionResponse(endpoint, ticket) : null;
        }
        catch (JsonException) { return null; }
    }
}
