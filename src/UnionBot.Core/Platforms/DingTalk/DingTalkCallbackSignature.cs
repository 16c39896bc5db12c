using System.Security.Cryptography;
using System.Text;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>
/// The enterprise robot's callback signature (PROTOCOLS.md 2.2): <c>sign</c> = Base64(HMAC-SHA256(AppSecret,
/// timestamp + "\n" + AppSecret)) — the same formula as the webhook's 加签, so <see cref="DingTalkSigner.Sign"/> computes
/// it — with no URL encoding, valid inside the <see cref="CallbackWindow"/>. It does not cover the body, which is why
/// callbacks also dedupe on msgId and take each timestamp/sign pair once.
/// </summary>
public static class DingTalkCallbackSignature
{
    /// <summary>True when the timestamp is a number of ms within the window of <paramref name="now"/> and the sign matches.</summary>
    public static bool IsValid(string appSecret, string? timestampMs, string? sign, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(sign) || !CallbackWindow.ContainsUnixMilliseconds(timestampMs, now)) return false;
        var expected = Encoding.ASCII.GetBytes(DingTalkSigner.Sign(appSecret, long.Parse(timestampMs!, System.Globalization.CultureInfo.InvariantCulture)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(sign));
    }
}
