using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Platforms.WeCom;

namespace CallbackLoad;

/// <summary>
/// <c>generate</c> writes the pre-signed callbacks wrk.sh sends; <c>crypto</c> times a callback's WeCom cryptography
/// alone (<see cref="CryptoCost"/>), <c>writer</c> a sign-up's durable write alone (<see cref="WriterCost"/>). Without
/// any of them: signed, encrypted WeCom callbacks
/// (<c>/报名 &lt;activity&gt;</c> by distinct users) at concurrency 50 whose every reply is decrypted and checked, a
/// tenth delivered again and answered empty, and the database holding one sign-up per user: a check of the path under
/// load, not a measure of its rate (see wrk.sh).
/// </summary>
public static class LoadRun
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["generate", .. var rest])
        {
            var flags = rest.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            var options = LoadOptions.Parse(rest.Chunk(2).Where(p => p[0] is not ("--out" or "--prefix")).SelectMany(p => p).ToArray());
            return await Generate.RunAsync(options, flags["--out"], flags.GetValueOrDefault("--prefix", "w"));
        }
        if (args is ["crypto", .. var cryptoArgs])
        {
            var rounds = cryptoArgs is ["--rounds", var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 3;
            return CryptoCost.Run(LoadOptions.Parse([]), rounds);
        }
        if (args is ["writer", .. var writerArgs])
        {
            var flags = writerArgs.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
            return await WriterCost.RunAsync(flags.GetValueOrDefault("--rounds", 3), flags.GetValueOrDefault("--signups", 200_000),
                flags.GetValueOrDefault("--callers", 50), flags.GetValueOrDefault("--in-flight", 1));
        }
        var o = LoadOptions.Parse(args);
        var (url, db) = o.Url is null ? await InProcessHost.StartAsync(o) : (o.Url.TrimEnd('/'), o.DatabasePath);
        var crypto = new WeComCrypto(o.Token, o.AesKey);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency }) { BaseAddress = new Uri(url) };
        var run = $"{DateTime.UtcNow:HHmmss}";
        Console.WriteLine($"UnionBot at {url}, {o.Requests} requests per path, concurrency {o.Concurrency}, {Environment.ProcessorCount} cores");

        // The chair opens the sign-up without a quota, so that every teacher's entry is a sign-up, not a wait.
        var opened = await PostAsync(http, crypto, o.Channel, $"open-{run}", "bench-chair", $"@工会助手 /发起报名 {o.Activity}");
        Console.WriteLine($"opened: {Shorten(opened)}");

        // Warm-up until the JIT has compiled the hot paths at full optimisation (tiering recompiles them after
        // 30 calls and a pause): what a bot that has been up for a minute runs.
        await Measure.RunAsync("warm-up healthz", o.WarmUp, o.Concurrency, _ => HealthAsync(http));
        await SignUpsAsync("warm-up callbacks", http, crypto, o, o.WarmUp, i => ($"w{run}-{i}", $"warm-{run}-{i}"), Reply.SignedUp);

        // ASP.NET Core's server-side durations can be read only when the bot runs in this process.
        using var times = o.Url is null ? new ServerTimes() : null;
        times?.Take();
        var ceiling = await Measure.RunAsync("GET /healthz", o.Requests, o.Concurrency, _ => HealthAsync(http));
        var ceilingInside = times?.Take();
        var command = await SignUpsAsync("WeCom /报名 callback", http, crypto, o, o.Requests, i => ($"m{run}-{i}", $"t-{run}-{i}"), Reply.SignedUp);
        var commandInside = times?.Take();
        // Every tenth message delivered again, as WeCom does after 5 s: answered with an empty body, no second sign-up.
        var redelivered = await SignUpsAsync("WeCom redelivery", http, crypto, o, o.Requests / 10, i => ($"m{run}-{i * 10}", $"t-{run}-{i * 10}"), Reply.Empty);

        Console.WriteLine(ceiling);
        if (ceilingInside is { Length: > 0 }) Console.WriteLine(ceilingInside);
        Console.WriteLine(command);
        if (commandInside is { Length: > 0 }) Console.WriteLine(commandInside);
        Console.WriteLine(redelivered);
        // This client shares the two cores with the bot and tops out far below the stack's /healthz rate (wrk reaches
        // four to five times as many), so its ratio overstates the command path: rates are measured with wrk.sh.
        Console.WriteLine($"command/ceiling rate {command.PerSecond / ceiling.PerSecond:P0} of this client's ceiling, not the stack's (measure with wrk.sh)");

        var ok = ceiling.Failures == 0 && command.Failures == 0 && redelivered.Failures == 0;
        if (db is not null) ok &= await CheckDatabaseAsync(db, o.Activity, o.WarmUp + o.Requests);
        else Console.WriteLine("database check skipped (pass --db PATH with --url)");
        return ok ? 0 : 1;
    }

    private static async Task<bool> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private enum Reply { SignedUp, Empty }

    /// <summary>
    /// Sends n <c>/报名</c> callbacks. The bodies are encrypted and signed before the clock starts and the replies are
    /// decrypted and checked after it stops: WeCom's servers do that work on their own machines, so here it must not
    /// take the two cores away from the bot being measured. Every reply is still checked, only outside the timing.
    /// </summary>
    private static async Task<Figures> SignUpsAsync(
        string name, HttpClient http, WeComCrypto crypto, LoadOptions o, int n, Func<int, (string MsgId, string User)> who, Reply expected)
    {
        var requests = Enumerable.Range(0, n).Select(i => Callback(crypto, o.Channel, who(i).MsgId, who(i).User, $"@工会助手 /报名 {o.Activity}")).ToArray();
        var replies = new string[n];
        var figures = await Measure.RunAsync(name, n, o.Concurrency, async i =>
        {
            replies[i] = await SendAsync(http, requests[i]);
            return true;
        });
        var wrong = replies.Count(r => r is null || (expected == Reply.Empty ? r != "" : !ContentOf(crypto, r).Contains("报名成功", StringComparison.Ordinal)));
        return wrong == 0 ? figures : figures with { Failures = figures.Failures + wrong };
    }

    internal sealed record Prepared(string PathAndQuery, byte[] Body);

    internal static Prepared Callback(WeComCrypto crypto, string channel, string msgid, string user, string text)
    {
        var plain = JsonSerializer.Serialize(new
        {
            msgid, aibotid = "bench", chatid = "bench-group", chattype = "group", from = new { userid = user },
            response_url = "https://example.invalid", msgtype = "text", text = new { content = text },
        });
        var encrypt = crypto.Encrypt(plain);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = Random.Shared.Next().ToString();
        // The body as WeCom documents it, the Base64 as it is (it needs no JSON escaping): .NET's default encoder wrote
        // each '+' as \u002B, which made the bot unescape every callback the bench sent (4 December, 0.5 % of its samples).
        return new Prepared($"/callbacks/wecom/{channel}?msg_signature={crypto.Sign(ts, nonce, encrypt)}&timestamp={ts}&nonce={nonce}",
            Encoding.UTF8.GetBytes($$"""{"encrypt":"{{encrypt}}"}"""));
    }

    /// <summary>The raw encrypted reply ("" when the bot answered with an empty body); non-200 throws.</summary>
    private static async Task<string> SendAsync(HttpClient http, Prepared request)
    {
        var content = new ByteArrayContent(request.Body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.PostAsync(request.PathAndQuery, content);
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static string ContentOf(WeComCrypto crypto, string reply)
    {
        if (reply.Length == 0) return "";
        var content = JsonDocument.Parse(crypto.Decrypt(JsonDocument.Parse(reply).RootElement.GetProperty("encrypt").GetString()!));
        return content.RootElement.GetProperty("stream").GetProperty("content").GetString() ?? "";
    }

    private static async Task<string> PostAsync(HttpClient http, WeComCrypto crypto, string channel, string msgid, string user, string text) =>
        ContentOf(crypto, await SendAsync(http, Callback(crypto, channel, msgid, user, text)));

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
