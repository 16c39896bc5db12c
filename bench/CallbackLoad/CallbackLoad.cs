using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Platforms.WeCom;

namespace CallbackLoad;

/// <summary>
/// Signed, encrypted WeCom callbacks (<c>/报名 &lt;activity&gt;</c> by distinct users) at concurrency 50, beside
/// <c>GET /healthz</c> as the ceiling of the stack; then checks the database holds one sign-up per user.
/// </summary>
public static class LoadRun
{
    public static async Task<int> Main(string[] args)
    {
        var o = LoadOptions.Parse(args);
        var (url, db) = o.Url is null ? await InProcessHost.StartAsync(o) : (o.Url.TrimEnd('/'), o.DatabasePath);
        var crypto = new WeComCrypto(o.Token, o.AesKey);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency }) { BaseAddress = new Uri(url) };
        var run = $"{DateTime.UtcNow:HHmmss}";
        Console.WriteLine($"UnionBot at {url}, {o.Requests} requests per path, concurrency {o.Concurrency}, {Environment.ProcessorCount} cores");

        // The chair opens the sign-up without a quota, so that every teacher's entry is a sign-up, not a wait.
        var opened = await PostAsync(http, crypto, o.Channel, $"open-{run}", "bench-chair", $"@工会助手 /发起报名 {o.Activity}");
        Console.WriteLine($"opened: {Shorten(opened)}");

        await Measure.RunAsync("warm-up healthz", 300, o.Concurrency, _ => HealthAsync(http));
        await Measure.RunAsync("warm-up callbacks", 300, o.Concurrency, i => SignUpAsync(http, crypto, o, $"w{run}-{i}", $"warm-{run}-{i}"));

        var ceiling = await Measure.RunAsync("GET /healthz", o.Requests, o.Concurrency, _ => HealthAsync(http));
        var command = await Measure.RunAsync("WeCom /报名 callback", o.Requests, o.Concurrency, i => SignUpAsync(http, crypto, o, $"m{run}-{i}", $"t-{run}-{i}"));
        // Every tenth message delivered again, as WeCom does after 5 s: answered with an empty body, no second sign-up.
        var redelivered = await Measure.RunAsync("WeCom redelivery", o.Requests / 10, o.Concurrency, i => SignUpAsync(http, crypto, o, $"m{run}-{i * 10}", $"t-{run}-{i * 10}", expectEmpty: true));

        Console.WriteLine(ceiling);
        Console.WriteLine(command);
        Console.WriteLine(redelivered);
        Console.WriteLine($"command/ceiling rate {command.PerSecond / ceiling.PerSecond:P0} (target ≥ 25%), p99 {command.P99Ms:F1} ms (target < 50 ms)");

        var ok = ceiling.Failures == 0 && command.Failures == 0 && redelivered.Failures == 0;
        if (db is not null) ok &= await CheckDatabaseAsync(db, o.Activity, 300 + o.Requests);
        else Console.WriteLine("database check skipped (pass --db PATH with --url)");
        return ok ? 0 : 1;
    }

    private static async Task<bool> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<bool> SignUpAsync(HttpClient http, WeComCrypto crypto, LoadOptions o, string msgid, string user, bool expectEmpty = false)
    {
        var body = await PostAsync(http, crypto, o.Channel, msgid, user, $"@工会助手 /报名 {o.Activity}");
        return expectEmpty ? body == "" : body.Length > 0;
    }

    private static async Task<string> PostAsync(HttpClient http, WeComCrypto crypto, string channel, string msgid, string user, string text)
    {
        var plain = JsonSerializer.Serialize(new
        {
            msgid, aibotid = "bench", chatid = "bench-group", chattype = "group", from = new { userid = user },
            response_url = "https://example.invalid", msgtype = "text", text = new { content = text },
        });
        var encrypt = crypto.Encrypt(plain);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = Random.Shared.Next().ToString();
        using var response = await http.PostAsync(
            $"/callbacks/wecom/{channel}?msg_signature={crypto.Sign(ts, nonce, encrypt)}&timestamp={ts}&nonce={nonce}",
            new StringContent(JsonSerializer.Serialize(new { encrypt }), Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        var reply = await response.Content.ReadAsStringAsync();
        if (reply.Length == 0) return "";
        var content = JsonDocument.Parse(crypto.Decrypt(JsonDocument.Parse(reply).RootElement.GetProperty("encrypt").GetString()!));
        return content.RootElement.GetProperty("stream").GetProperty("content").GetString() ?? "";
    }

    private static async Task<bool> CheckDatabaseAsync(string db, string activity, int expectedUsers)
    {
        const string sql = """
            SELECT e.user_id AS UserId, COUNT(*) AS Entries
            FROM signup_entries e JOIN signups s ON s.id = e.signup_id
            WHERE s.activity LIKE '%' || @Activity || '%'
            GROUP BY e.user_id
            """;
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        var rows = (await connection.QueryAsync<(string UserId, long Entries)>(sql, new { Activity = activity })).ToList();
        var doubled = rows.Count(r => r.Entries != 1);
        var ok = rows.Count == expectedUsers && doubled == 0;
        Console.WriteLine($"database: {rows.Count} users signed up (expected {expectedUsers}), {doubled} with more than one entry → {(ok ? "OK" : "WRONG")}");
        return ok;
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80].ReplaceLineEndings(" ") + "…" : s.ReplaceLineEndings(" ");
}
