using Microsoft.Extensions.Logging;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

public sealed partial class WeComLink
{
    /// <summary>One connection from dial to end: subscribe, then read frames and ping until something ends it.</summary>
    private async Task<(Ending Ending, string Detail)> ConnectOnceAsync(CancellationToken stop)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // the protocol's own ping is the heartbeat
        try
        {
            // The timeout waits beside the connect rather than cancelling it; the socket is disposed either way.
            await socket.ConnectAsync(gateway, stop).WaitAsync(settings.ConnectTimeout, time, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { return (Ending.Stopped, "stopping"); }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException or TimeoutException)
        {
            return (Ending.Dropped, $"could not connect: {e.GetType().Name}");
        }

        // The reader is not cancelled by stop: cancelling a receive aborts the socket, and stopping must send a close frame first.
        using var readerStop = new CancellationTokenSource();
        using var pingStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _socket = socket;
        Interlocked.Exchange(ref _unansweredPings, 0);
        var superseded = false;
        var reading = ReadAsync(socket, () => superseded = true, readerStop.Token);
        try
        {
            var subscribeId = NextReqId("subscribe");
            var ack = await SendWithAckAsync(subscribeId, WeComFrame.SubscribeFrame(subscribeId, Channel.BotId, Channel.BotSecret), stop);
            if (stop.IsCancellationRequested) return (Ending.Stopped, "stopping");
            if (ack is null) return (superseded ? Ending.Superseded : Ending.Dropped, "no answer to aibot_subscribe");
            if (ack.ErrCode != 0) return (Ending.AuthenticationFailed, $"errcode {ack.ErrCode}: {Short(ack.ErrMsg)}");

            _authReported = false;
            // The ping timer exists before the state shows Connected, so that whoever sees the state can move the clock past it.
            var pinging = PingAsync(socket, pingStop.Token);
            status.Set(Channel.Id, Platform, LinkState.Connected);
            LogConnected(Channel.Id);
            // On pingStop (linked to stop, cancelled when this connection ends) so that no wait outlives the connection.
            var stopping = Task.Delay(Timeout.InfiniteTimeSpan, time, pingStop.Token);
            var ended = await Task.WhenAny(reading, pinging, stopping);
            if (stop.IsCancellationRequested) return (Ending.Stopped, "stopping");
            if (superseded) return (Ending.Superseded, "disconnected_event");
            return (Ending.Dropped, ended == pinging ? $"{settings.MissedPingsAllowed} pings unanswered" : await reading);
        }
        finally
        {
            _socket = null;
            await pingStop.CancelAsync();
            FailPendingAcks();
            await CloseAsync(socket, reading);
            await readerStop.CancelAsync();
            await reading;
        }
    }

    /// <summary>Reads frames until the socket ends; returns why it ended.</summary>
    private async Task<string> ReadAsync(ClientWebSocket socket, Action onSuperseded, CancellationToken ct)
    {
        await Task.Yield();
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4096), ct);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > settings.MaxFrameBytes) return "a frame over the size limit";
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close) return $"the gateway closed the connection ({socket.CloseStatus})";
                if (result.MessageType != WebSocketMessageType.Text) continue;
                var frame = WeComFrame.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan));
                if (frame is null) { LogUnreadable(Channel.Id, buffer.WrittenCount); continue; }
                if (frame.IsDisconnected) { onSuperseded(); return "disconnected_event"; }
                Dispatch(frame);
            }
            return "stopping";
        }
        catch (OperationCanceledException) { return "stopping"; }
        catch (WebSocketException e) { return $"the socket failed: {e.WebSocketErrorCode}"; }
        catch (ObjectDisposedException) { return "the socket was closed"; }
    }

    private void Dispatch(WeComFrame frame)
    {
        if (frame.IsAck)
        {
            if (frame.ReqId.StartsWith("ping_", StringComparison.Ordinal)) Interlocked.Exchange(ref _unansweredPings, 0);
            else if (_acks.TryGetValue(frame.ReqId, out var ack)) ack.TrySetResult(frame);
            return;
        }
        if (frame.Cmd == WeComFrame.MessageCallback && frame.Body is { ValueKind: System.Text.Json.JsonValueKind.Object } body)
        {
            // Off the read loop: a slow command must not hold up pings and other teachers' messages.
            _ = Task.Run(() => callbacks.HandleAsync(this, new WeComCallbackFrame(frame.ReqId, body)));
            return;
        }
        LogIgnored(Channel.Id, frame.Cmd ?? "(ack)");
    }

    /// <summary>Sends a ping every interval; returns when too many went unanswered (the link is dead).</summary>
    private async Task PingAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.PingInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (Interlocked.Increment(ref _unansweredPings) > settings.MissedPingsAllowed) return;
                await SendAsync(socket, WeComFrame.PingFrame(NextReqId("ping")), ct);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The reader reports the broken socket; this loop just stops being the first to end.
            try { await Task.Delay(Timeout.InfiniteTimeSpan, time, ct); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>A close frame, briefly awaited, so the gateway frees the bot for the next connection at once.</summary>
    private async Task CloseAsync(ClientWebSocket socket, Task reading)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) { socket.Abort(); return; }
        try
        {
            using var timeout = new CancellationTokenSource(settings.CloseTimeout, time);
            await _sendGate.WaitAsync(timeout.Token);
            try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token); }
            finally { _sendGate.Release(); }
            // The reader sees the gateway's close in answer; a gateway that never answers is cut off after the timeout.
            await reading.WaitAsync(settings.CloseTimeout, time);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException) { socket.Abort(); }
    }

    private static string Short(string? text) => string.IsNullOrWhiteSpace(text) ? "no message" : text.Length <= 200 ? text : text[..200] + "…";

    [Microsoft.Extensions.Logging.LoggerMessage(Microsoft.Extensions.Logging.LogLevel.Debug, "WeCom long connection of channel {ChannelId} ignored a {Cmd} frame")]
    private partial void LogIgnored(string channelId, string cmd);
}
