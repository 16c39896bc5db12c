using System.Collections.Concurrent;
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
    DingTalkStreamGateway gateway, DingTalkCallback robotMessages, LongConnectionStatus status, DingTalkStreamTimings timings,
    TimeProvider time, ILogger<DingTalkStreamClient> logger)
{
    public const string Platform = "DingTalk";
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public async Task RunAsync(ChannelOptions channel, CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(timings.Reconnect);
        var retiring = new List<Task>();
        StreamConnection? current = null;
        var authReported = false;
        status.Set(channel.Id, Platform, LinkState.Connecting);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (socket, failure) = await gateway.DialAsync(channel, stop);
                if (socket is null)
                {
                    if (failure is { } reason)
                    {
                        if (!authReported)
                            logger.LogError("DingTalk channel {ChannelId}: the Stream gateway refused the app credentials ({Reason}). " +
                                "Check AppKey and AppSecret (Client ID / Client Secret of the enterprise app) and that the robot uses Stream mode; retrying every {Retry}",
                                channel.Id, reason, timings.Reconnect.AuthenticationRetry);
                        authReported = true;
                        status.Set(channel.Id, Platform, LinkState.AuthenticationFailed, "check AppKey and AppSecret");
                        await Task.Delay(timings.Reconnect.AuthenticationRetry, time, stop);
                    }
                    else
                    {
                        status.Set(channel.Id, Platform, LinkState.Reconnecting);
                        await Task.Delay(backoff.NextDelay(), time, stop);
                    }
                    continue;
                }
                authReported = false;
                var connection = current = new StreamConnection(socket, channel.Id, timings.IdleTimeout, time, frame => Track(channel, frame), logger);
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

    private Task Track(ChannelOptions channel, StreamFrame frame)
    {
        // The pipeline does not follow the socket: once acknowledged, the message is handled even if the link drops.
        var task = Task.Run(async () =>
        {
            try { await robotMessages.ReceiveStreamAsync(channel, frame.Data); }
            catch (Exception e)
            {
                logger.LogError(e, "DingTalk Stream message {MessageId} on channel {ChannelId} could not be handled", frame.MessageId, channel.Id);
            }
        });
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }
}
