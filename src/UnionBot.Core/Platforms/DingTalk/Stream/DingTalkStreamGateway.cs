using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms.DingTalk.Stream;

/// <summary>
/// Opens one Stream connection (PROTOCOLS.md 2.2): asks the open API for an endpoint and a fresh single-use ticket,
/// then opens the WebSocket. Tells refused credentials (to be reported once) from transient failures. The ticket,
/// which rides in the address, is never logged.
/// </summary>
public sealed class DingTalkStreamGateway(Func<HttpClient> http, DingTalkStreamTimings timings, TimeProvider time, ILogger<DingTalkStreamGateway> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// An open socket, or null with the reason the credentials were refused (no reason: a transient failure, retried
    /// after the backoff). An unexpected failure is logged and counts as transient: it never ends the client's loop.
    /// </summary>
    public async Task<(ClientWebSocket? Socket, string? Refusal)> DialAsync(ChannelOptions channel, CancellationToken stop)
    {
        try { return await OpenAndConnectAsync(channel, stop); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "DingTalk Stream connection of channel {ChannelId} failed unexpectedly; retrying", channel.Id);
            return (null, null);
        }
    }

    private async Task<(ClientWebSocket?, string?)> OpenAndConnectAsync(ChannelOptions channel, CancellationToken stop)
    {
        using var deadline = new CancellationTokenSource(timings.ConnectTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
        OpenConnectionResponse? opened;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1.0/gateway/connections/open")
            {
                Content = JsonContent.Create(OpenConnectionRequest.ForRobot(channel.AppKey.Trim(), channel.AppSecret.Trim()), options: Json),
            };
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http().SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                return (null, $"HTTP {(int)response.StatusCode} {ErrorCode(body)}".TrimEnd());
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("DingTalk Stream open for channel {ChannelId} failed with HTTP {Status}; retrying", channel.Id, (int)response.StatusCode);
                return (null, null);
            }
            opened = OpenConnectionResponse.Parse(body);
            if (opened is null) return (null, $"no endpoint and ticket in the answer {ErrorCode(body)}".TrimEnd());
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !stop.IsCancellationRequested)
        {
            logger.LogWarning("DingTalk Stream open for channel {ChannelId} failed: {Reason}; retrying", channel.Id, e.Message);
            return (null, null);
        }

        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = timings.KeepAlive;
        socket.Options.KeepAliveTimeout = timings.KeepAlive;
        try
        {
            await socket.ConnectAsync(opened.Address, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !stop.IsCancellationRequested)
        {
            socket.Dispose();
            // The message may quote the address, which carries the ticket: log only the kind of failure.
            logger.LogWarning("DingTalk Stream socket for channel {ChannelId} did not open ({Error}); retrying", channel.Id, (e as WebSocketException)?.WebSocketErrorCode.ToString() ?? "timeout");
            return (null, null);
        }
        return (socket, null);
    }

    private static string ErrorCode(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                ? $"code {c.GetString()}" : "";
        }
        catch (JsonException) { return ""; }
    }
}
