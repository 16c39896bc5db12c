using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>A callback pushed by the gateway, handed to <see cref="WeComLinkCallbacks"/>; answer it with <see cref="WeComLink.RespondAsync"/>.</summary>
public sealed record WeComCallbackFrame(string ReqId, System.Text.Json.JsonElement Body);

/// <summary>
/// One channel's 智能机器人 long connection (PROTOCOLS.md 1.2): dial out, subscribe, ping, hand callbacks to <see cref="WeComLinkCallbacks"/>,
/// carry replies and proactive posts; reconnect with backoff when the link drops, slowly when the secret is refused,
/// never when another connection took over the bot.
/// </summary>
public sealed partial class WeComLink(
    ChannelOptions channel, Uri gateway, WeComLinkSettings settings, LongConnectionStatus status, TimeProvider time,
    ILogger logger, WeComLinkCallbacks callbacks)
{
    public const string Platform = "WeCom";
    private enum Ending { Dropped, AuthenticationFailed, Superseded, Stopped }

    private readonly ConcurrentDictionary<string, TaskCompletionSource<WeComFrame>> _acks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private volatile ClientWebSocket? _socket;
    private int _unansweredPings;
    private bool _authReported; // until a subscribe succeeds again, a refused secret is logged once
    private long _sequence;

    public ChannelOptions Channel { get; } = channel;
    public bool IsConnected => _socket is { State: WebSocketState.Open } && status.Of(Channel.Id)?.State == LinkState.Connected;

    /// <summary>Runs until <paramref name="stop"/> (closing the socket cleanly) or until another connection supersedes this one.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(settings.Reconnect);
        status.Set(Channel.Id, Platform, LinkState.Connecting);
        while (!stop.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            (Ending, string) attempt;
            // Nothing may end the loop but stop or a takeover: an unexpected failure counts as a dropped connection.
            try { attempt = await ConnectOnceAsync(stop); }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                LogUnexpected(e, Channel.Id);
                attempt = (Ending.Dropped, $"unexpected {e.GetType().Name}");
            }
            catch (OperationCanceledException) { attempt = (Ending.Stopped, "stopping"); }
            var (ending, detail) = attempt;
            var upFor = time.GetElapsedTime(started);
            switch (ending)
            {
                case Ending.Stopped:
                    status.Set(Channel.Id, Platform, LinkState.Stopped);
                    return;
                case Ending.Superseded:
                    LogSuperseded(Channel.Id);
                    status.Set(Channel.Id, Platform, LinkState.Superseded, "another connection for this bot took over; restart UnionBot to take it back");
                    return;
                case Ending.AuthenticationFailed:
                    if (!_authReported) LogAuthenticationFailed(Channel.Id, detail);
                    _authReported = true;
                    var retryAt = time.GetUtcNow() + settings.Reconnect.AuthenticationRetry;
                    await WaitAsync(settings.Reconnect.AuthenticationRetry, LinkState.AuthenticationFailed,
                        $"check BotId and BotSecret; next attempt at {retryAt:yyyy-MM-ddTHH:mm:ssZ}", stop);
                    break;
                default:
                    backoff.ConnectionEnded(upFor);
                    var delay = backoff.NextDelay();
                    LogDropped(Channel.Id, detail, delay.TotalSeconds);
                    await WaitAsync(delay, LinkState.Reconnecting, detail, stop);
                    break;
            }
        }
        status.Set(Channel.Id, Platform, LinkState.Stopped);
    }

    /// <summary>Answers a callback (its <c>req_id</c> echoed) with a finished stream; false when the link could not carry it.</summary>
    public async Task<bool> RespondAsync(string callbackReqId, string markdown, CancellationToken ct)
    {
        var ack = await SendWithAckAsync(callbackReqId, WeComFrame.RespondFrame(callbackReqId, Guid.NewGuid().ToString("N"), markdown), ct);
        return ack is { ErrCode: 0 };
    }

    /// <summary>Posts markdown to a group (<c>aibot_send_msg</c>); the ack, or null when the link is down or the ack never came.</summary>
    public Task<WeComFrame?> SendMarkdownAsync(string chatId, string markdown, CancellationToken ct)
    {
        var reqId = NextReqId("send");
        return SendWithAckAsync(reqId, WeComFrame.SendFrame(reqId, chatId, markdown), ct);
    }

    // Creates the timer before showing the state, so that whoever sees the state can already move the clock past it.
    private async Task WaitAsync(TimeSpan delay, LinkState state, string detail, CancellationToken stop)
    {
        var wait = Task.Delay(delay, time, stop);
        status.Set(Channel.Id, Platform, state, detail);
        try { await wait; } catch (OperationCanceledException) { }
    }

    private string NextReqId(string kind) => $"{kind}_{Guid.NewGuid():N}_{Interlocked.Increment(ref _sequence)}";

    private async Task<WeComFrame?> SendWithAckAsync(string reqId, string frame, CancellationToken ct)
    {
        if (_socket is not { State: WebSocketState.Open } socket) return null;
        var ack = new TaskCompletionSource<WeComFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _acks[reqId] = ack;
        try
        {
            await SendAsync(socket, frame, ct);
            return await ack.Task.WaitAsync(settings.AckTimeout, time, ct);
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            return null;
        }
        finally
        {
            _acks.TryRemove(new KeyValuePair<string, TaskCompletionSource<WeComFrame>>(reqId, ack));
        }
    }

    private async Task SendAsync(ClientWebSocket socket, string frame, CancellationToken ct)
    {
        await _sendGate.WaitAsync(ct);
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, ct); }
        finally { _sendGate.Release(); }
    }

    private void FailPendingAcks()
    {
        foreach (var (_, ack) in _acks) ack.TrySetException(new WebSocketException("the long connection closed"));
    }

    [LoggerMessage(LogLevel.Error, "WeCom long connection of channel {ChannelId} was refused: {Reason}. Check the channel's BotId and BotSecret (智能机器人 → API 模式 → 长连接); UnionBot retries every few minutes")]
    private partial void LogAuthenticationFailed(string channelId, string reason);

    [LoggerMessage(LogLevel.Error, "WeCom long connection of channel {ChannelId} was taken over by another connection for the same bot (another UnionBot running?); this one stops and does not reconnect")]
    private partial void LogSuperseded(string channelId);

    [LoggerMessage(LogLevel.Warning, "WeCom long connection of channel {ChannelId} ended ({Reason}); reconnecting in {Seconds:0.0} s")]
    private partial void LogDropped(string channelId, string reason, double seconds);

    [LoggerMessage(LogLevel.Error, "WeCom long connection of channel {ChannelId} failed unexpectedly; it reconnects")]
    private partial void LogUnexpected(Exception e, string channelId);

    [LoggerMessage(LogLevel.Information, "WeCom long connection of channel {ChannelId} is up")]
    private partial void LogConnected(string channelId);

    [LoggerMessage(LogLevel.Warning, "WeCom long connection of channel {ChannelId} got a frame it cannot read ({Bytes} bytes); ignored")]
    private partial void LogUnreadable(string channelId, int bytes);
}
