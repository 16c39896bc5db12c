namespace UnionBot.Core.Platforms;

/// <summary>
/// Administrators paste the whole webhook address where only its key or token belongs
/// (<c>https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</c>, <c>https://oapi.dingtalk.com/robot/send?access_token=…</c>):
/// accept either and keep only the credential.
/// </summary>
public static class WebhookCredential
{
    /// <summary>The value of <paramref name="parameter"/> when <paramref name="configured"/> is a URL, else the trimmed value itself.</summary>
    public static string Extract(string? configured, string parameter)
    {
        var value = (configured ?? "").Trim();
        var query = value.IndexOf('?');
        if (query < 0 || !value.Contains("://", StringComparison.Ordinal)) return value;
        foreach (var pair in value[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            if (name.Equals(parameter, StringComparison.OrdinalIgnoreCase))
                return Uri.UnescapeDataString(eq < 0 ? "" : pair[(eq + 1)..].Split('#')[0]).Trim();
        }
        return "";
    }
}
