using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace UnionBot.Core.Platforms.DingTalk.Stream;

/// <summary>
/// One open Stream socket: reads frames, acknowledges each at once, hands robot messages to the sink, and watches
/// for silence. <see cref="Ended"/> completes when the socket is gone; <see cref="Superseded"/> when the gateway
/// asked for a new connection (the old one keeps working until the gateway closes it).
/// </summary>
internal sealed class StreamConnection : IAsyncDisposable
{
    private const int MaxFrameBytes = 1 << 20;
    private readonly ClientWebSocket _socket;
    private readonly Func<StreamFrame, Task> _onRobotMessage;
    private readonly ILogger _logger;
    private readonly string _channelId;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ITimer _watchdog;
    private readonly TimeSpan _idle;
    private readonly TaskCompletionSource _superseded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _silent;

    public StreamConnection(ClientWebSocket socket, string channelId, TimeSpan idle, TimeProvider time,
        Func<StreamFrame, Task> onRobotMessage, ILogger logger)
    {
        _socket = socket; _channelId = channelId; _idle = idle; _onRobotMessage = onRobotMessage; _logger = logger;
        // Abort, not close: a silent gateway would not answer a close handshake either.
        _watchdog = time.CreateTimer(_ => { _silent = true; _socket.Abort(); }, null, idle, Timeout.InfiniteTimeSpan);
        Ended = Task.Run(ReceiveLoopAsync);
    }

    public Task Ended { get; }
    public Task Superseded => _superseded.Task;

    /// <summary>Closes with a close frame (the handshake bounded by <paramref name="ct"/>), then waits for the reader.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "unionbot stopping", ct);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
        await Ended;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _logger.LogInformation("DingTalk Stream gateway closed the connection of channel {ChannelId} ({Status})", _channelId, result.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                _watchdog.Change(_idle, Timeout.InfiniteTimeSpan);
                if (frame.Length + result.Count > MaxFrameBytes)
                {
                    _logger.LogWarning("DingTalk Stream frame over 1 MiB on channel {ChannelId}; reconnecting", _channelId);
                    _socket.Abort();
                    return;
                }
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                await OnFrameAsync(frame.ToArray());
                frame.SetLength(0);
            }
        }
        catch (Exception e)
        {
            // Whatever ends the reader ends the connection, never the client's loop: Ended never faults.
            if (_silent)
                _logger.LogInformation("DingTalk Stream connection of channel {ChannelId} silent for {Idle}; reconnecting", _channelId, _idle);
            else if (e is not (WebSocketException or ObjectDisposedException or OperationCanceledException))
                _logger.LogError(e, "DingTalk Stream connection of channel {ChannelId} failed; reconnecting", _channelId);
            else if (_socket.State != WebSocketState.Closed)
                _logger.LogWarning("DingTalk Stream connection of channel {ChannelId} dropped: {Reason}", _channelId, e.Message);
            _socket.Abort();
        }
        finally
        {
            _watchdog.Dispose();
        }
    }

    private async Task OnFrameAsync(byte[] bytes)
    {
        if (StreamFrame.Parse(bytes) is not { } frame)
        {
            _logger.LogWarning("DingTalk Stream frame on channel {ChannelId} is malformed ({Bytes} bytes); ignored", _channelId, bytes.Length);
            return;
        }
        await SendAsync(frame.Ack());
        if (frame.IsDisconnect) _superseded.TrySetResult();
        else if (frame.IsRobotMessage) _ = _onRobotMessage(frame);
        else if (!frame.IsPing)
            _logger.LogInformation("DingTalk Stream {Type} frame on topic {Topic} (channel {ChannelId}) acknowledged and ignored", frame.Type, frame.Topic, _channelId);
    }

    private async Task SendAsync(byte[] bytes)
    {
        await _sendLock.WaitAsync();
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None); }
        finally { _sendLock.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await Ended;
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
