using System.Collections.Concurrent;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// The WeCom group robot webhook (PROTOCOLS.md 1.1) on 127.0.0.1: <c>POST /cgi-bin/webhook/send?key=…</c>.
/// Checks what WeCom checks — a configured key (93000), a JSON object (40035), msgtype text or markdown (40008),
/// non-empty content (44004), the UTF-8 byte limits (40058: text 2048, markdown 4096) — then 20 per 60 s per
/// robot (45009). Every request is recorded.
/// </summary>
public sealed class FakeWeComServer : FakePlatformServer
{
    public const int MaxTextBytes = 2048;
    public const int MaxMarkdownBytes = 4096;
    private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.Ordinal);

    private FakeWeComServer(TimeProvider? time) : base(time, overLimitCode: 45009, throttledCode: 45009) { }

    public static async Task<FakeWeComServer> StartAsync(TimeProvider? time = null, params string[] keys)
    {
        var server = new FakeWeComServer(time);
        foreach (var key in keys) server.AddRobot(key);
        await server.StartServerAsync();
        return server;
    }

    /// <summary>A group robot whose webhook key is <paramref name="key"/>.</summary>
    public void AddRobot(string key) => _keys[key] = true;

    /// <summary>The robot is removed from its group: its key now answers 93000.</summary>
    public void RemoveRobot(string key) => _keys.TryRemove(key, out _);

    /// <summary>The webhook address as WeCom shows it to the administrator.</summary>
    public string WebhookUrl(string key) => $"{BaseUrl}/cgi-bin/webhook/send?key={key}";

    protected override void MapRoutes(WireMockServer server) =>
        server.Given(Request.Create().WithPath("/cgi-bin/webhook/send").UsingPost()).RespondWith(Answer(Check));

    private FakeVerdict Check(IRequestMessage request, string body)
    {
        var key = Query(request, "key");
        if (key.Length == 0 || !_keys.ContainsKey(key))
            return FakeVerdict.Reject(key, 93000, "invalid webhook url, hint: [fake], more info at https://open.work.weixin.qq.com/devtool/query?e=93000");
        if (FakeJson.Object(body) is not { } root)
            return FakeVerdict.Reject(key, 40035, "invalid json");
        var msgType = FakeJson.String(root, "msgtype");
        if (msgType is not ("text" or "markdown"))
            return FakeVerdict.Reject(key, 40008, $"invalid message type: {msgType}");
        if (FakeJson.Child(root, msgType) is not { } message)
            return FakeVerdict.Reject(key, 40035, $"missing {msgType} object");
        var content = FakeJson.String(message, "content");
        if (content is null) return FakeVerdict.Reject(key, 40035, "content must be a string");
        if (content.Trim().Length == 0) return FakeVerdict.Reject(key, 44004, "empty content");
        var limit = msgType == "text" ? MaxTextBytes : MaxMarkdownBytes;
        var bytes = Encoding.UTF8.GetByteCount(content);
        if (bytes > limit) return FakeVerdict.Reject(key, 40058, $"content exceed max length {limit}, got {bytes} bytes");

        // Markdown has no mention lists: WeCom ignores them there, so the fake does too.
        var mentioned = msgType == "text" ? FakeJson.Strings(message, "mentioned_list") : [];
        var mobiles = msgType == "text" ? FakeJson.Strings(message, "mentioned_mobile_list") : [];
        if (mentioned is null || mobiles is null) return FakeVerdict.Reject(key, 40035, "mentioned lists must be arrays of strings");
        var parsed = new FakeRequest(default, key, "", body, 200, 0, msgType, content, null,
            mentioned.Where(m => m != "@all").ToList(), mobiles, mentioned.Contains("@all"));
        return new FakeVerdict(key, 0, "ok", parsed);
    }
}
