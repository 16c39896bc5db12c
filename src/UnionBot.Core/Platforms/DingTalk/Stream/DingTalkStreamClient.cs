using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Core.Platforms.DingTalk.Stream;

/// <summary>
/// Keeps one channel's Stream-mode connection up (PROTOCOLS.md 2.2): a fresh ticket for every connection, a new
/// connection opened as soon as the gateway says disconnect (before the old socket closes), exponential backoff
/// after a drop, and bad credentials reported once and retried every few minutes. The ticket is never logged.
/// </summary>
public sealed class DingTalkStreamClient(
    HttpClient http, IDingTalkStreamSink sink, LongConnectionStatus status, DingTalkStreamTimings timings,
    TimeProvider time, ILogger<DingTalkStreamClient> logger)
{
    public const string Platform = "DingTalk";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public async Task RunAsync(ChannelOptions channel, CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(timings.BackoffInitial, timings.BackoffCap, timings.HealthyAfter);
        var retiring = new List<Task>();
        StreamConnection? current = null;
        var authReported = false;
        status.Set(channel.Id, Platform, LinkState.Connecting);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (connection, failure) = await ConnectSafelyAsync(channel, stop);
                if (connection is null)
                {
                    if (failure is { } reason)
                    {
                        if (!authReported)
                            logger.LogError("DingTalk channel {ChannelId}: the Stream gateway refused the app credentials ({Reason}). " +
                                "Check AppKey and AppSecret (Client ID / Client Secret of the enterprise app) and that the robot uses Stream mode; retrying every {Retry}",
                                channel.Id, reason, timings.AuthenticationRetry);
                        authReported = true;
                        status.Set(channel.Id, Platform, LinkState.AuthenticationFailed, "check AppKey and AppSecret");
                        await Task.Delay(timings.AuthenticationRetry, time, stop);
                    }
                    else
                    {
                        status.Set(channel.Id, Platform, LinkState.Reconnecting);
                        await Task.Delay(backoff.NextDelay(), time, stop);
                    }
                    continue;
                }
                authReported = false;
                current = connection;
                status.Set(channel.Id, Platform, LinkState.Connected);
                logger.LogInformation("DingTalk Stream connection of channel {ChannelId} is up", channel.Id);
                var since = time.GetUtcNow();
                var first = await Task.WhenAny(connection.Ended, connection.Superseded).WaitAsync(stop);
                backoff.ConnectionEnded(time.GetUtcNow() - since);
                current = null;
                if (first == connection.Superseded && !connection.Ended.IsCompleted)
                {
                    // The gateway closes the old socket about 10 s later; frames still arriving there are acknowledged.
                    logger.LogInformation("DingTalk Stream gateway asked channel {ChannelId} to reconnect; opening a new connection", channel.Id);
                    retiring.RemoveAll(t => t.IsCompleted);
                    retiring.Add(RetireAsync(connection, stop));
                    continue;
                }
                await connection.DisposeAsync();
                status.Set(channel.Id, Platform, LinkState.Reconnecting);
                await Task.Delay(backoff.NextDelay(), time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        finally
        {
            if (current is not null) await RetireAsync(current, stop);
            await Task.WhenAll(retiring);
            status.Set(channel.Id, Platform, LinkState.Stopped);
        }
    }

    /// <summary>Robot messages already handed to the pipeline; the host waits for them on shutdown.</summary>
    public Task InFlight => Task.WhenAll(_inFlight.Keys);

    /// <summary>Lets a superseded socket finish (the gateway closes it) for a while, then closes it with a close frame.</summary>
    private async Task RetireAsync(StreamConnection connection, CancellationToken stop)
    {
        try { await connection.Ended.WaitAsync(timings.DrainTimeout, time, stop); }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException) { }
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        await connection.CloseAsync(bounded.Token);
        await connection.DisposeAsync();
    }

    /// <summary>An unexpected failure must not end the loop (nor stop the host): it is logged and retried like a drop.</summary>
    private async Task<(StreamConnection?, string?)> ConnectSafelyAsync(ChannelOptions channel, CancellationToken stop)
    {
        try { return await ConnectAsync(channel, stop); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "DingTalk Stream connection of channel {ChannelId} failed unexpectedly; retrying", channel.Id);
            return (null, null);
        }
    }

    /// <summary>A connection, or null with the reason the credentials were refused (null reason: a transient failure).</summary>
    private async Task<(StreamConnection?, string?)> ConnectAsync(ChannelOptions channel, CancellationToken stop)
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
            using var response = await http.SendAsync(request, timeout.Token);
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
        return (new StreamConnection(socket, channel.Id, timings.IdleTimeout, time, frame => Track(channel, frame), logger), null);
    }

    private Task Track(ChannelOptions channel, StreamFrame frame)
    {
        // The pipeline does not follow the socket: once acknowledged, the message is handled even if the link drops.
        var task = Task.Run(async () =>
        {
            try { await sink.HandleRobotMessageAsync(channel, frame.Data); }
            catch (Exception e)
            {
                logger.LogError(e, "DingTalk Stream message {MessageId} on channel {ChannelId} could not be handled", frame.MessageId, channel.Id);
            }
        });
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        return task;
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
