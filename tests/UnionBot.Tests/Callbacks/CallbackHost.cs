using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
/// The real host whose WeCom and DingTalk groups take callbacks (<see cref="BotSetup"/>), a recording pipeline unless the
/// test keeps the real one, captured logs, and the fake DingTalk playing the sessionWebhook.
/// </summary>
public sealed class CallbackHost : IAsyncDisposable
{
    private readonly BotSetup _setup;
    private readonly UnionBotFactory _factory;

    private CallbackHost(BotSetup setup, UnionBotFactory factory, RecordingPipeline pipeline)
    {
        _setup = setup; _factory = factory; Pipeline = pipeline;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }
    /// <summary>The senders' fake DingTalk: plays the sessionWebhook the replies go to.</summary>
    public FakeDingTalkServer DingTalk => _setup.DingTalk;
    /// <summary>The senders' fake WeCom group robot: where announcements to the WeCom group go.</summary>
    public FakeWeComServer WeCom => _setup.WeCom;
    public RecordingPipeline Pipeline { get; }
    public LogCapture Logs => _factory.Logs;
    public FakeTimeProvider Time => _factory.Time;
    public string DatabasePath => _factory.DatabasePath;
    public IServiceProvider Services => _factory.Services;
    public WeComCrypto Crypto { get; } = new(BotSetup.Token, BotSetup.AesKey);

    /// <param name="realPipeline">Keep the product's command pipeline (the end-to-end stories) instead of the recording one;
    /// the groups then also post, through the fake WeCom and DingTalk robots.</param>
    public static async Task<CallbackHost> StartAsync(string? databasePath = null, IDictionary<string, string?>? extra = null, bool realPipeline = false)
    {
        var setup = (await BotSetup.WithRobotsAsync())
            .WithWeComGroup(posts: realPipeline, answers: true)
            .WithDingTalkGroup(posts: realPipeline, answers: true)
            .With("UnionBot:Channels:2:Id", "wecom-silent").With("UnionBot:Channels:2:Platform", "WeCom")
            .With("UnionBot:Admins:0", "chair-userid")
            // The clock stands at 10 March: with the notice on day 1, March's would still be posted at start (a monthly
            // notice is worth sending until its month ends) and mix into what these tests watch. On day 28 it is ahead.
            .With("UnionBot:Schedule:MonthlyNotice:Day", "28")
            .With(extra);
        var pipeline = new RecordingPipeline();
        if (!realPipeline)
            setup.WithServices(services =>
            {
                services.RemoveAll<ICommandPipeline>();
                services.AddSingleton<ICommandPipeline>(pipeline);
            });
        return new CallbackHost(setup, setup.Build(databasePath), pipeline);
    }

    public string UnixSeconds(TimeSpan offset = default) => (Time.GetUtcNow() + offset).ToUnixTimeSeconds().ToString();

    /// <summary>Encrypts and signs <paramref name="plaintext"/> the way WeCom does and posts it.</summary>
    public Task<HttpResponseMessage> PostWeComAsync(string plaintext, string channel = BotSetup.WeComGroup, string? timestamp = null,
        string nonce = "1234567890", Func<string, string>? signature = null)
    {
        var ts = timestamp ?? UnixSeconds();
        var encrypt = Crypto.Encrypt(plaintext);
        var sig = signature?.Invoke(encrypt) ?? Crypto.Sign(ts, nonce, encrypt);
        return PostRawWeComAsync(JsonSerializer.Serialize(new { encrypt }), sig, ts, nonce, channel);
    }

    public Task<HttpResponseMessage> PostRawWeComAsync(string body, string signature, string timestamp, string nonce = "1234567890", string channel = BotSetup.WeComGroup) =>
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
    public Task<HttpResponseMessage> PostDingTalkAsync(string body, string channel = BotSetup.DingTalkGroup, DateTimeOffset? at = null, string? sign = null)
    {
        var timestamp = (at ?? Time.GetUtcNow().AddMilliseconds(-Interlocked.Increment(ref _dingTalkPosts))).ToUnixTimeMilliseconds();
        return PostDingTalkAsync(body, timestamp, sign ?? DingTalkSigner.Sign(BotSetup.AppSecret, timestamp), channel);
    }

    /// <summary>Posts with exactly these headers (a captured timestamp/sign pair replayed).</summary>
    public Task<HttpResponseMessage> PostDingTalkAsync(string body, long timestamp, string sign, string channel = BotSetup.DingTalkGroup)
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
        await _factory.DisposeAsync();
        await _setup.DisposeAsync();
    }
}
