using UnionBot.Core.Platforms.WeCom;

namespace CallbackLoad;

/// <summary>
/// <c>generate --out FILE --requests N [--prefix P]</c>: writes pre-encrypted, signed WeCom callbacks for a load
/// generator in its own process (wrk, see <c>signups.lua</c>), one per line as <c>PATH\tBODY</c>. The first line is the
/// chair's <c>/发起报名</c>; the others are <c>/报名</c> by N distinct users.
/// </summary>
public static class Generate
{
    public static async Task<int> RunAsync(LoadOptions o, string output, string prefix)
    {
        var crypto = new WeComCrypto(o.Token, o.AesKey);
        await using var file = new StreamWriter(output);
        await Write(file, LoadRun.Callback(crypto, o.Channel, $"{prefix}-open", "bench-chair", $"@工会助手 /发起报名 {o.Activity}"));
        for (var i = 0; i < o.Requests; i++)
            await Write(file, LoadRun.Callback(crypto, o.Channel, $"{prefix}-m{i}", $"{prefix}-t{i}", $"@工会助手 /报名 {o.Activity}"));
        Console.WriteLine($"{o.Requests + 1} callbacks written to {output}");
        return 0;
    }

    private static Task Write(StreamWriter file, LoadRun.Prepared callback) =>
        file.WriteLineAsync($"{callback.PathAndQuery}\t{System.Text.Encoding.UTF8.GetString(callback.Body)}");
}
