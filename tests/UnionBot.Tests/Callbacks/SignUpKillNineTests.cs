using System.Net;
using System.Text;
using System.Text.Json;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Tests.Delivery;
using UnionBot.Tests.Hosting;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// The real bot as a separate process, killed without warning (SIGKILL) while a burst of /报名 callbacks is in flight,
/// then started again and sent every message a second time, as WeCom redelivers an unanswered callback.
/// </summary>
public sealed class SignUpKillNineTests
{
    // Teachers keep signing up, 40 requests at a time, until the kill: however fast the bot answers, the kill finds
    // requests in flight (a fixed burst of 400 could be all answered before the kill landed, proving nothing).
    private const int InFlight = 40;
    private const int KillAfterAnswers = 100;
    private const int MaxTeachers = 20_000;
    private const string Token = "kill-token";
    private const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string Activity = "教职工趣味运动会";
    private static readonly WeComCrypto Crypto = new(Token, AesKey);

    [Fact]
    public async Task ABotKilledDuringSignUpsAnswersEveryRedeliveryWhoseSignUpDidNotCommitAndSignsUpEveryTeacherOnce()
    {
        using var dir = new TempDirectory();
        var databasePath = dir.File("unionbot.db");

        var answeredBeforeKill = new HashSet<int>();
        var firstAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = 0; // the next teacher to sign up; every teacher below it was sent (or cut off by the kill)
        var killed = false;
        using (var first = StartBot(databasePath))
        {
            using var http = await ClientOfAsync(first);
            Assert.Contains("开始报名", await ReplyTextAsync(await PostAsync(http, "open", "kill-chair", $"/发起报名 {Activity}")));

            var senders = Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
            {
                while (!Volatile.Read(ref killed) && Interlocked.Increment(ref next) - 1 is var i && i < MaxTeachers)
                {
                    try
                    {
                        using var response = await PostAsync(http, $"m-{i}", $"t-{i}", $"/报名 {Activity}");
                        if (response.StatusCode == HttpStatusCode.OK && await ReplyTextAsync(response) is { Length: > 0 })
                            lock (answeredBeforeKill)
                                if (answeredBeforeKill.Add(i) && answeredBeforeKill.Count == KillAfterAnswers) firstAnswers.TrySetResult();
                    }
                    catch (HttpRequestException) { return; } // the kill cut this one off
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();
            await firstAnswers.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync(); // the senders are still sending: some of their requests are cut off mid-way
            Volatile.Write(ref killed, true);
            await Task.WhenAll(senders);
        }
        var teachers = Math.Min(next, MaxTeachers);

        var committedBeforeKill = await SignedUpAsync(databasePath);
        Assert.True(Count(answeredBeforeKill) < teachers, $"the kill landed after every sign-up was answered ({Count(answeredBeforeKill)} of {teachers}, {committedBeforeKill.Count} in the database); the test proved nothing");

        var answeredOnRedelivery = new HashSet<int>();
        using (var second = StartBot(databasePath))
        {
            using var http = await ClientOfAsync(second);
            using var slots = new SemaphoreSlim(InFlight);
            await Task.WhenAll(Enumerable.Range(0, teachers).Select(async i =>
            {
                await slots.WaitAsync();
                try
                {
                    using var response = await PostAsync(http, $"m-{i}", $"t-{i}", $"/报名 {Activity}");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    if (await ReplyTextAsync(response) is { Length: > 0 } text)
                    {
                        Assert.Contains("报名成功", text);
                        lock (answeredOnRedelivery) answeredOnRedelivery.Add(i);
                    }
                }
                finally { slots.Release(); }
            }));
            await second.KillAsync();
        }

        // A message is answered again exactly when its sign-up had not committed: nobody is left without an answer
        // and a sign-up, nobody is answered twice for one sign-up.
        for (var i = 0; i < teachers; i++)
            Assert.True(committedBeforeKill.Contains($"t-{i}") != answeredOnRedelivery.Contains(i),
                $"teacher t-{i}: signed up before the kill {committedBeforeKill.Contains($"t-{i}")}, answered on redelivery {answeredOnRedelivery.Contains(i)}");
        var entries = await EntriesAsync(databasePath);
        Assert.Equal(teachers, entries.Count);
        Assert.Equal(teachers, entries.Distinct().Count());
    }

    private static int Count(HashSet<int> set)
    {
        lock (set) return set.Count;
    }

    private static async Task<HashSet<string>> SignedUpAsync(string databasePath) => [.. await EntriesAsync(databasePath)];

    private static Task<List<string>> EntriesAsync(string databasePath) =>
        TestDatabase.QueryAsync<string>(databasePath, "SELECT user_id FROM signup_entries WHERE user_id LIKE 't-%'");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string msgid, string user, string text)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        const string nonce = "1234567890";
        var encrypt = Crypto.Encrypt(CallbackHost.WeComText(msgid, user, "@工会助手 " + text));
        return http.PostAsync($"/callbacks/wecom/wecom-all?msg_signature={Crypto.Sign(timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}",
            new StringContent(JsonSerializer.Serialize(new { encrypt }), Encoding.UTF8, "application/json"));
    }

    /// <summary>The markdown of the passive stream reply; empty when the bot answered with an empty body (a duplicate).</summary>
    private static async Task<string> ReplyTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0) return "";
        var encrypt = JsonDocument.Parse(body).RootElement.GetProperty("encrypt").GetString()!;
        using var reply = JsonDocument.Parse(Crypto.Decrypt(encrypt));
        return reply.RootElement.GetProperty("stream").GetProperty("content").GetString()!;
    }

    /// <summary>A client of <paramref name="bot"/> once it answers /healthz (listening, database migrated).</summary>
    private static async Task<HttpClient> ClientOfAsync(BotProcess bot)
    {
        var http = new HttpClient { BaseAddress = await bot.ListeningAsync(TimeSpan.FromSeconds(60)), Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.TrueAsync(async () =>
        {
            if (bot.HasExited) throw new Xunit.Sdk.XunitException($"the bot exited:\n{string.Join('\n', bot.Lines)}");
            try { return (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, "the bot answers /healthz", timeoutMs: 60_000);
        return http;
    }

    private static BotProcess StartBot(string databasePath) => BotProcess.Start(null,
        $"--UnionBot:Database=Data Source={databasePath}",
        "--UnionBot:Admins:0=kill-chair",
        "--UnionBot:Channels:0:Id=wecom-all", "--UnionBot:Channels:0:Platform=WeCom",
        $"--UnionBot:Channels:0:Token={Token}", $"--UnionBot:Channels:0:EncodingAesKey={AesKey}",
        // Few lines at 40 requests at a time; the start-up line that says where the bot listens is kept.
        "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information");
}
