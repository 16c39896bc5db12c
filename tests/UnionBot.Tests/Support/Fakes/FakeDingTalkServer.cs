using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using UnionBot.Core.Platforms.DingTalk;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// The DingTalk custom robot (PROTOCOLS.md 2.1) on 127.0.0.1: <c>POST /robot/send?access_token=…&amp;timestamp=…&amp;sign=…</c>
/// and the callbacks' reply address <c>POST /robot/sendBySession?session=…</c>. Checks what DingTalk checks — the
/// token (400101 missing, 300001 unknown), 加签 and its timestamp within 1 h of the fake's clock and the keyword
/// (310000), the JSON shape (40035), 20000 bytes (460101) — then 20 per 60 s per robot (130101), after which the
/// robot is throttled for 10 minutes (410100). Session replies are checked and recorded but not rate-limited.
/// </summary>
public sealed class FakeDingTalkServer : FakePlatformServer
{
    public const int MaxContentBytes = 20000;
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(90);
    private readonly ConcurrentDictionary<string, Robot> _robots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    private FakeDingTalkServer(TimeProvider? time) : base(time, overLimitCode: 130101, throttledCode: 410100) =>
        ThrottleAfterLimit = TimeSpan.FromMinutes(10);

    public static async Task<FakeDingTalkServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeDingTalkServer(time);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A custom robot; with <paramref name="secret"/> it requires 加签, with <paramref name="keyword"/> the keyword in the text.</summary>
    public void AddRobot(string accessToken, string? secret = null, string? keyword = null) =>
        _robots[accessToken] = new Robot(secret, keyword);

    /// <summary>Opens a conversation's reply address, valid for 90 minutes of the fake's clock, as a callback carries it.</summary>
    public string OpenSession(string? session = null)
    {
        session ??= Guid.NewGuid().ToString("N");
        _sessions[session] = Time.GetUtcNow() + SessionLifetime;
        return $"{BaseUrl}/robot/sendBySession?session={session}";
    }

    /// <summary>
    /// A robot callback's body as DingTalk sends it (PROTOCOLS.md 2.2) to an HTTP callback or in a Stream frame: a group
    /// message @-mentioning the bot, with a reply address of its own (session <c>s-{msgId}</c>) unless one is given.
    /// </summary>
    public string RobotMessage(string msgId, string staffId, string content, string? sessionWebhook = null) => JsonSerializer.Serialize(new
    {
        msgtype = "text", text = new { content }, msgId, createAt = Time.GetUtcNow().ToUnixTimeMilliseconds(),
        conversationType = "2", conversationId = "cid-union", conversationTitle = "工会群", senderNick = "张老师",
        senderStaffId = staffId, isAdmin = false, isInAtList = true,
        sessionWebhook = sessionWebhook ?? OpenSession($"s-{msgId}"),
        sessionWebhookExpiredTime = Time.GetUtcNow().AddMinutes(90).ToUnixTimeMilliseconds(), robotCode = "ding-robot",
    });

    protected override void MapRoutes(WireMockServer server)
    {
        server.Given(Request.Create().WithPath("/robot/send").UsingPost()).RespondWith(Answer(CheckRobot));
        server.Given(Request.Create().WithPath("/robot/sendBySession").UsingPost()).RespondWith(Answer(CheckSession));
    }

    private FakeVerdict CheckRobot(IRequestMessage request, string body)
    {
        var token = Query(request, "access_token");
        if (token.Length == 0) return FakeVerdict.Reject(token, 400101, "access_token is blank");
        if (!_robots.TryGetValue(token, out var robot)) return FakeVerdict.Reject(token, 300001, "token is not exist");
        if (robot.Secret is { } secret)
        {
            // The query is decoded once, as DingTalk does: a double-encoded or unencoded sign no longer matches.
            if (!long.TryParse(Query(request, "timestamp"), out var timestamp)
                || Math.Abs(Time.GetUtcNow().ToUnixTimeMilliseconds() - timestamp) > TimeSpan.FromHours(1).TotalMilliseconds)
                return FakeVerdict.Reject(token, 310000, "invalid timestamp");
            if (Query(request, "sign") != DingTalkSigner.Sign(secret, timestamp))
                return FakeVerdict.Reject(token, 310000, "sign not match");
        }
        return CheckMessage(token, body, robot.Keyword, rateLimited: true);
    }

    private FakeVerdict CheckSession(IRequestMessage request, string body)
    {
        var session = Query(request, "session");
        var robot = "session:" + session;
        if (!_sessions.TryGetValue(session, out var expires) || Time.GetUtcNow() > expires)
            return FakeVerdict.Reject(robot, 300001, "session is not exist or expired");
        return CheckMessage(robot, body, keyword: null, rateLimited: false);
    }

    private static FakeVerdict CheckMessage(string robot, string body, string? keyword, bool rateLimited)
    {
        if (FakeJson.Object(body) is not { } root) return FakeVerdict.Reject(robot, 40035, "缺少参数 json");
        var msgType = FakeJson.String(root, "msgtype");
        if (msgType is not ("text" or "markdown")) return FakeVerdict.Reject(robot, 40035, $"不支持的消息类型 {msgType}");
        if (FakeJson.Child(root, msgType) is not { } message) return FakeVerdict.Reject(robot, 40035, $"缺少参数 {msgType}");
        var content = FakeJson.String(message, msgType == "text" ? "content" : "text");
        var title = msgType == "markdown" ? FakeJson.String(message, "title") : "";
        if (string.IsNullOrWhiteSpace(content) || title is null || (msgType == "markdown" && title.Trim().Length == 0))
            return FakeVerdict.Reject(robot, 40035, "缺少参数 content/title/text");
        if (Encoding.UTF8.GetByteCount(content) > MaxContentBytes)
            return FakeVerdict.Reject(robot, 460101, $"message too long, exceeds {MaxContentBytes} bytes");
        if (keyword is not null && !content.Contains(keyword, StringComparison.Ordinal) && !title.Contains(keyword, StringComparison.Ordinal))
            return FakeVerdict.Reject(robot, 310000, "keywords not in content");

        IReadOnlyList<string>? users = [], mobiles = [];
        var atAll = false;
        if (root.TryGetProperty("at", out var at) && at.ValueKind != JsonValueKind.Null)
        {
            if (at.ValueKind != JsonValueKind.Object) return FakeVerdict.Reject(robot, 40035, "at must be an object");
            users = FakeJson.Strings(at, "atUserIds");
            mobiles = FakeJson.Strings(at, "atMobiles");
            var all = at.TryGetProperty("isAtAll", out var a) ? a.ValueKind : JsonValueKind.False;
            if (users is null || mobiles is null || all is not (JsonValueKind.True or JsonValueKind.False))
                return FakeVerdict.Reject(robot, 40035, "at.atUserIds/atMobiles must be string arrays, isAtAll a boolean");
            atAll = all == JsonValueKind.True;
        }
        var parsed = new FakeRequest(default, robot, "", body, 200, 0, msgType, content, title.Length > 0 ? title : null, users, mobiles, atAll);
        return new FakeVerdict(robot, 0, "ok", parsed, rateLimited);
    }

    private sealed record Robot(string? Secret, string? Keyword);
}
