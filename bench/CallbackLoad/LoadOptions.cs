namespace CallbackLoad;

/// <summary>Command-line flags: <c>--url U --requests N --warmup N --concurrency C --token T --aes-key K --channel ID --db PATH --activity NAME</c>.</summary>
public sealed record LoadOptions(
    string? Url, int Requests, int Concurrency, string Token, string AesKey, string Channel, string? DatabasePath, string Activity, int WarmUp)
{
    public const string DefaultToken = "bench-token";
    public const string DefaultAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected '{args[i]}'");
            map[args[i][2..]] = args[i + 1];
        }
        string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
        return new LoadOptions(
            map.GetValueOrDefault("url"), int.Parse(Get("requests", "10000")), int.Parse(Get("concurrency", "50")),
            Get("token", DefaultToken), Get("aes-key", DefaultAesKey), Get("channel", "wecom-all"),
            map.GetValueOrDefault("db"), Get("activity", "教职工趣味运动会"), int.Parse(Get("warmup", "2000")));
    }
}
