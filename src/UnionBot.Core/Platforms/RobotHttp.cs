using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms;

/// <summary>
/// The HTTP half both group robots share: post one JSON body, then decide from <c>errcode</c> only (both platforms
/// answer HTTP 200 for every outcome). Network trouble, timeouts and 5xx are transient; nothing here is ever
/// reported as sent unless the platform said <c>errcode 0</c>.
/// </summary>
internal static class RobotHttp
{
    /// <summary>UTF-8 as it is (no \uXXXX for Chinese), so the byte limits the platforms count match what we count.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// How long one post (connecting included) may take before it counts as a transient failure and is retried.
    /// Measured on the bot's <see cref="TimeProvider"/>, the clock its retries wait on: the robots' named clients have
    /// <c>HttpClient.Timeout</c> off, so a test's fake clock decides both and a slow machine decides neither.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static byte[] Serialize<T>(T payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Json);

    public static async Task<SendResult> PostAsync(HttpClient http, TimeProvider time, string url, byte[] body, ChannelOptions channel, CancellationToken ct)
    {
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonType;
            using var response = await http.PostAsync(url, content, either.Token);
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout)
                return new(SendOutcome.Transient, null, $"channel {PlatformErrors.Describe(channel)}: HTTP {(int)response.StatusCode} from the platform");
            if (response.StatusCode is HttpStatusCode.TooManyRequests)
                return new(SendOutcome.RateLimited, null, $"channel {PlatformErrors.Describe(channel)}: HTTP 429 from the platform");
            if (!response.IsSuccessStatusCode)
                return new(SendOutcome.Permanent, null,
                    $"channel {PlatformErrors.Describe(channel)}: HTTP {(int)response.StatusCode} from the platform: check UnionBot:WeCom/DingTalk:ApiBaseUrl and any proxy");
            var answer = await ReadAnswerAsync(response, either.Token);
            return answer?.ErrCode is int errcode
                ? PlatformErrors.Classify(channel, errcode, answer.ErrMsg)
                : new(SendOutcome.Transient, null, $"channel {PlatformErrors.Describe(channel)}: the platform's answer was not its JSON (a proxy or captive portal?)");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(SendOutcome.Transient, null, $"channel {PlatformErrors.Describe(channel)}: the platform did not answer within {Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new(SendOutcome.Transient, null, $"channel {PlatformErrors.Describe(channel)}: network error ({e.HttpRequestError})");
        }
    }

    private static async Task<RobotAnswer?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        try
        {
            return JsonSerializer.Deserialize<RobotAnswer>(bytes, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Both platforms answer <c>{"errcode":0,"errmsg":"ok"}</c>.</summary>
    private sealed record RobotAnswer(
        [property: JsonPropertyName("errcode")] int? ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg);
}
