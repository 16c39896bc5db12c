using System.Security.Cryptography;
using System.Text;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>
/// 加签 (PROTOCOLS.md 2.1): Base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)). The URL form is
/// escaped exactly once: escaping twice (or not at all, when '+' turns into a space) is the classic 310000.
/// </summary>
public static class DingTalkSigner
{
    public static string Sign(string secret, long timestampMs)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, data));
    }

    public static string SignForUrl(string secret, long timestampMs) => Uri.EscapeDataString(Sign(secret, timestampMs));
}
