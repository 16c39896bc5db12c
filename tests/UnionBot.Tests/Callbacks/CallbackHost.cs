using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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

    private readonly UnionBotFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    private CallbackHost(UnionBotFactory factory, WebApplicationFactory<Program> app, FakeDingTalkServer dingTalk, RecordingPipeline pipeline, LogCapture logs)
    {
        _factory = factory; _app = app; DingTalk = dingTalk; Pipeline = pipeline; Logs = logs;
        Client = app.CreateClient();
    }

    public HttpClient Client { get; }
    /// <summary>The senders' fake DingTalk: plays the sessionWebhook the replies go to.</summary>
    public FakeDingTalkServer DingTalk { get; }
    public RecordingPipeline Pipeline { get; }
    public LogCapture Logs { get; }
    public ManualTimeProvider Time => _factory.Time;
    public string DatabasePath => _factory.DatabasePath;
    public IServiceProvider Services => _app.Services;
    public WeComCrypto Crypto { get; } = new(Token, AesKey);

    public static async Task<CallbackHost> StartAsync(string? databasePath = null, IDictionary<string, string?>? extra = null)
    {
        var dingTalk = await FakeDingTalkServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["UnionBot:Admins:0"] = "chair-userid",
            ["UnionBot:Channels:0:Id"] = WeComChannel, ["UnionBot:Channels:0:Platform"] = "WeCom",
            ["UnionBot:Channels:0:Token"] = Token, ["UnionBot:Channels:0:EncodingAesKey"] = AesKey,
            ["UnionBot:Channels:1:Id"] = DingTalkChannel, ["UnionBot:Channels:1:Platform"] = "DingTalk",
            ["UnionBot:Channels:1:AppSecret"] = AppSecret,
            ["UnionBot:Channels:2:Id"] = "wecom-silent", ["UnionBot:Channels:2:Platform"] = "WeCom",
            ["UnionBot:DingTalk:ApiBaseUrl"] = dingTalk.BaseUrl,
        };
        if (extra is not null) foreach (var (k, v) in extra) settings[k] = v;
        var factory = new UnionBotFactory(settings: settings, databasePath: databasePath);
        var pipeline = new RecordingPipeline();
        var logs = new LogCapture();
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<ICommandPipeline>();
            services.AddSingleton<ICommandPipeline>(pipeline);
            services.AddSingleton<ILoggerProvider>(logs);
        }));
        return new CallbackHost(factory, app, dingTalk, pipeline, logs);
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

    public Task<HttpResponseMessage> PostDingTalkAsync(string body, string channel = DingTalkChannel, DateTimeOffset? at = null, string? sign = null)
    {
        var timestamp = (at ?? Time.GetUtcNow()).ToUnixTimeMilliseconds().ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/callbacks/dingtalk/{channel}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", sign ?? DingTalkCallbackSignature.Compute(AppSecret, timestamp));
        return Client.SendAsync(request);
    }

    public string DingTalkText(string msgId, string staffId, string content, string? sessionWebhook = null) => JsonSerializer.Serialize(new
    {
        msgtype = "text", text = new { content }, msgId, createAt = Time.GetUtcNow().ToUnixTimeMilliseconds(),
        conversationType = "2", conversationId = "cid-union", conversationTitle = "工会群", senderNick = "张老师",
        senderStaffId = staffId, isAdmin = false, isInAtList = true,
        sessionWebhook = sessionWebhook ?? DingTalk.OpenSession($"s-{msgId}"),
        sessionWebhookExpiredTime = Time.GetUtcNow().AddMinutes(90).ToUnixTimeMilliseconds(), robotCode = "ding-robot",
    });

    public async Task<long> ProcessedCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM processed_messages");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await DingTalk.DisposeAsync();
    }
}
