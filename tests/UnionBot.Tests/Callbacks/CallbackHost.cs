using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UnionBot.Core.Commands;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Tests.Support;
using UnionBot.Tests.Support.Fakes;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// The real host with one WeCom and one DingTalk channel that accept callbacks, a recording pipeline, captured
/// logs, and the DingTalk API base pointing at a loopback fake that plays the sessionWebhook.
/// </summary>
public sealed class CallbackHost : IAsyncDisposable
{
    public const string Token = "QDG6eK";
    public const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string AppSecret = "ding-app-secret-for-tests";
    public const string WeComChannel = "wecom-all";
    public const string DingTalkChannel = "ding-union";
    public const string WebhookKey = "wecom-group-robot-key";
    public const string AccessToken = "ding-group-robot-token";
    public const string RobotSecret = "SEC-ding-group-robot";

    private readonly UnionBotFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    private CallbackHost(UnionBotFactory factory, WebApplicationFactory<Program> app, FakeDingTalkServer dingTalk, FakeWeComServer weCom, RecordingPipeline pipeline, LogCapture logs)
    {
        _factory = factory; _app = app; DingTalk = dingTalk; WeCom = weCom; Pipeline = pipeline; Logs = logs;
        Client = app.CreateClient();
    }

    public HttpClient Client { get; }
    /// <summary>The senders' fake DingTalk: plays the sessionWebhook the replies go to.</summary>
    public FakeDingTalkServer DingTalk { get; }
    /// <summary>The senders' fake WeCom group robot: where announcements to the WeCom group go.</summary>
    public FakeWeComServer WeCom { get; }
    public RecordingPipeline Pipeline { get; }
    public LogCapture Logs { get; }
    public FakeTimeProvider Time => _factory.Time;
    public string DatabasePath => _factory.DatabasePath;
    public IServiceProvider Services => _app.Services;
    public WeComCrypto Crypto { get; } = new(Token, AesKey);

    /// <param name="realPipeline">Keep the product's command pipeline (the end-to-end stories) instead of the recording one;
    /// the channels then also post to groups, through the senders' fake WeCom and DingTalk robots.</param>
    public static async Task<CallbackHost> StartAsync(string? databasePath = null, IDictionary<string, string?>? extra = null, bool realPipeline = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero)); // 09:00 in Shanghai
        var dingTalk = await FakeDingTalkServer.StartAsync(time);
        var weCom = await FakeWeComServer.StartAsync(time, WebhookKey);
        dingTalk.AddRobot(AccessToken, RobotSecret);
        var settings = new Dictionary<string, string?>
        {
            ["UnionBot:Admins:0"] = "chair-userid",
            // The clock stands at 10 March: with the notice on day 1, March's would still be posted at start (a monthly
            // notice is worth sending until its month ends) and mix into what these tests watch. On day 28 it is ahead.
            ["UnionBot:Schedule:MonthlyNotice:Day"] = "28",
            ["UnionBot:Channels:0:Id"] = WeComChannel, ["UnionBot:Channels:0:Platform"] = "WeCom",
            ["UnionBot:Channels:0:Token"] = Token, ["UnionBot:Channels:0:EncodingAesKey"] = AesKey,
            ["UnionBot:Channels:1:Id"] = DingTalkChannel, ["UnionBot:Channels:1:Platform"] = "DingTalk",
            ["UnionBot:Channels:1:AppSecret"] = AppSecret,
            ["UnionBot:Channels:2:Id"] = "wecom-silent", ["UnionBot:Channels:2:Platform"] = "WeCom",
            ["UnionBot:WeCom:ApiBaseUrl"] = weCom.BaseUrl,
            ["UnionBot:DingTalk:ApiBaseUrl"] = dingTalk.BaseUrl,
        };
        if (realPipeline)
        {
            settings["UnionBot:Channels:0:WebhookKey"] = WebhookKey;
            settings["UnionBot:Channels:1:AccessToken"] = AccessToken;
            settings["UnionBot:Channels:1:Secret"] = RobotSecret;
        }
        if (extra is not null) foreach (var (k, v) in extra) settings[k] = v;
        var factory = new UnionBotFactory(time, settings, databasePath);
        var pipeline = new RecordingPipeline();
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            if (!realPipeline)
            {
                services.RemoveAll<ICommandPipeline>();
                services.AddSingleton<ICommandPipeline>(pipeline);
            }
        }));
        return new CallbackHost(factory, app, dingTalk, weCom, pipeline, factory.Logs);
    }

    public string UnixSeconds(TimeSpan offset = default) => (Time.GetUtcNow() + offset).ToUnixTimeSeconds().ToString();

    /// <summary>Encrypts and signs <paramref name="plaintext"/> the way WeCom does and posts it.</summary>
    public Task<HttpResponseMessage> PostWeComAsync(string plaintext, string channel = WeComChannel, string? timestamp = null,
        string nonce = "1234567890", Func<string, string>? signature = null)
    {
        var ts = timestamp ?? UnixSeconds();
        var encrypt = Crypto.Encrypt(plaintext);
        var sig = signature?.Invoke(encrypt) ?? Crypto.Sign(ts, nonce, encrypt);
        return PostRawWeComAsync(JsonSerializer.Serialize(new { encrypt }), sig, ts, nonce, channel);
    }

    public Task<HttpResponseMessage> PostRawWeComAsync(string body, string signature, string timestamp, string nonce = "1234567890", string channel = WeComChannel) =>
        Client.PostAsync($"/callbacks/wecom/{channel}?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}",
            new StringContent(body, Encoding.UTF8, "application/json"));

    public static string WeComText(string msgid, string user, string content) => JsonSerializer.Serialize(new
    {
        msgid, aibotid = "AIBOTID", chatid = "CHATID", chattype = "group", from = new { userid = user },
        response_url = "https://example.invalid/r", msgtype = "text", text = new { content },
    });

    /// <summary>Decrypts a passive reply after checking its signature; returns the plaintext JSON.</summary>
    public async Task<JsonElement> ReadStreamReplyAsync(HttpResponseMessage response, string nonce = "1234567890")
    {
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        var encrypt = reply.GetProperty("encrypt").GetString()!;
        Assert.Equal(nonce, reply.GetProperty("nonce").GetString());
        Assert.True(Crypto.Verify(reply.GetProperty("msgsignature").GetString()!, reply.GetProperty("timestamp").GetString()!, nonce, encrypt));
        return JsonDocument.Parse(Crypto.Decrypt(encrypt)).RootElement.Clone();
    }

    private long _dingTalkPosts;

    /// <summary>
    /// Signs and posts a DingTalk callback. Each post gets its own millisecond (DingTalk signs each request when it sends
    /// it), since a timestamp/sign pair is taken for one message only.
    /// </summary>
    public Task<HttpResponseMessage> PostDingTalkAsync(string body, string channel = DingTalkChannel, DateTimeOffset? at = null, string? sign = null)
    {
        var timestamp = (at ?? Time.GetUtcNow().AddMilliseconds(-Interlocked.Increment(ref _dingTalkPosts))).ToUnixTimeMilliseconds();
        return PostDingTalkAsync(body, timestamp, sign ?? DingTalkSigner.Sign(AppSecret, timestamp), channel);
    }

    /// <summary>Posts with exactly these headers (a captured timestamp/sign pair replayed).</summary>
    public Task<HttpResponseMessage> PostDingTalkAsync(string body, long timestamp, string sign, string channel = DingTalkChannel)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/callbacks/dingtalk/{channel}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("timestamp", timestamp.ToString());
        request.Headers.Add("sign", sign);
        return Client.SendAsync(request);
    }

    private int _said;

    /// <summary>A teacher @-mentions the bot in the WeCom group; returns the markdown of the passive stream reply.</summary>
    public async Task<string> SayOnWeComAsync(string user, string text)
    {
        var response = await PostWeComAsync(WeComText($"w-{Interlocked.Increment(ref _said)}", user, "@工会助手 " + text));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await ReadStreamReplyAsync(response)).GetProperty("stream").GetProperty("content").GetString()!;
    }

    /// <summary>A teacher @-mentions the bot in the DingTalk group; returns the reply posted to that message's sessionWebhook.</summary>
    public async Task<FakeRequest> SayOnDingTalkAsync(string user, string text)
    {
        var msgId = $"d-{Interlocked.Increment(ref _said)}";
        var response = await PostDingTalkAsync(DingTalk.RobotMessage(msgId, user, " " + text));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await Eventually.WaitForAsync(() => DingTalk.Accepted.SingleOrDefault(r => r.Robot == $"session:s-{msgId}"), $"the reply to {text}");
    }

    public Task<long> ProcessedCountAsync() => TestDatabase.ScalarAsync<long>(DatabasePath, "SELECT COUNT(*) FROM processed_messages");

    /// <summary>Outbox rows whose key matches the SQL LIKE <paramref name="keyPattern"/> (announce:% = every /公告).</summary>
    public Task<long> OutboxRowsAsync(string keyPattern) =>
        TestDatabase.ScalarAsync<long>(DatabasePath, "SELECT COUNT(*) FROM outbox WHERE key LIKE @keyPattern", new { keyPattern });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await DingTalk.DisposeAsync();
        await WeCom.DisposeAsync();
    }
}
