using System.Diagnostics;
using System.Text;
using System.Text.Json;
using UnionBot.Core.Platforms.WeCom;

namespace CallbackLoad;

/// <summary>
/// <c>crypto [--rounds N]</c>: the WeCom cryptography of one <c>/报名</c> callback, timed in this process apart from
/// everything else — the signature check and decryption of a callback as wrk.sh sends it, then the encryption and
/// signature of a reply the size of the sign-up's. Each round times 200 000 callbacks after 20 000 of warm-up and
/// prints the microseconds of each step per callback; compare builds round by round, in turn.
/// </summary>
public static class CryptoCost
{
    private const int WarmUp = 20_000;
    private const int Callbacks = 200_000;

    public static int Run(LoadOptions o, int rounds)
    {
        var crypto = new WeComCrypto(o.Token, o.AesKey);
        var callback = LoadRun.Callback(crypto, o.Channel, "bench-m1", "bench-t1", $"@工会助手 /报名 {o.Activity}");
        var query = System.Web.HttpUtility.ParseQueryString(callback.PathAndQuery[(callback.PathAndQuery.IndexOf('?') + 1)..]);
        var (signature, timestamp, nonce) = (query["msg_signature"]!, query["timestamp"]!, query["nonce"]!);
        var encrypt = JsonDocument.Parse(callback.Body).RootElement.GetProperty("encrypt").GetString()!;
        // The stream reply WeComCallback sends for a sign-up: its id, finish, and the confirmation.
        var reply = Encoding.UTF8.GetBytes(
            "{\"msgtype\":\"stream\",\"stream\":{\"id\":\"" + Guid.NewGuid().ToString("N") + "\",\"finish\":true,\"content\":\"✅ 报名成功！你是「"
            + o.Activity + "」第 12345 位。\"}}");
        if (!crypto.Verify(signature, timestamp, nonce, encrypt)) throw new InvalidOperationException("the callback's signature does not verify");

        var steps = new (string Name, Action Run)[]
        {
            ("verify", () => crypto.Verify(signature, timestamp, nonce, encrypt)),
            ("decrypt", () => crypto.Decrypt(encrypt, static message => message.ToArray())),
            ("encrypt", () => crypto.Encrypt(reply)),
            ("sign", () => crypto.Sign(timestamp, nonce, encrypt)),
        };
        Console.WriteLine($"WeCom crypto of one /报名 callback: {encrypt.Length} Base64 characters in, a {reply.Length}-byte reply out; µs per callback");
        for (var round = 1; round <= rounds; round++)
        {
            var line = new StringBuilder($"round {round}:");
            var total = 0.0;
            foreach (var (name, run) in steps)
            {
                for (var i = 0; i < WarmUp; i++) run();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < Callbacks; i++) run();
                var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / Callbacks;
                total += micros;
                line.Append($" {name} {micros:0.000}");
            }
            Console.WriteLine(line.Append($" | all {total:0.000}"));
        }
        return 0;
    }
}
