using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;

namespace UnionBot.Callbacks;

/// <summary>Replies waiting to be posted to their sessionWebhook, so that the callback itself answers at once.</summary>
public sealed class DingTalkReplyQueue(ILogger<DingTalkReplyQueue> logger)
{
    private readonly Channel<DingTalkReply> _queue = Channel.CreateBounded<DingTalkReply>(
        new BoundedChannelOptions(10_000) { SingleReader = false, FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<DingTalkReply> Reader => _queue.Reader;

    public void Enqueue(DingTalkReply reply)
    {
        if (!_queue.Writer.TryWrite(reply))
            logger.LogError("DingTalk reply queue is full; reply to message {MessageId} on channel {ChannelId} dropped", reply.MessageId, reply.ChannelId);
    }
}

/// <summary>
/// Posts queued replies, a few at a time. A network failure, a 5xx or errcode -1 is retried twice (1 s, 2 s);
/// an expired session (300001) or any other errcode is logged once and given up: the webhook lives ~90 min.
/// </summary>
public sealed class DingTalkReplySender(
    DingTalkReplyQueue queue, HttpClient http, TimeProvider time, ILogger<DingTalkReplySender> logger) : BackgroundService
{
    private const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var reply in queue.Reader.ReadAllAsync(ct))
                await PostAsync(reply, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    internal async Task PostAsync(DingTalkReply reply, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (transient, detail) = await TryPostAsync(reply, ct);
            if (detail is null) return;
            if (!transient || attempt == 3)
            {
                // The webhook URL carries a session token: log the message id, never the URL.
                logger.LogWarning("DingTalk reply to message {MessageId} on channel {ChannelId} not delivered: {Detail}",
                    reply.MessageId, reply.ChannelId, detail);
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt), time, ct);
        }
    }

    private async Task<(bool Transient, string? Detail)> TryPostAsync(DingTalkReply reply, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(reply.SessionWebhook, reply.Message, ct);
            if ((int)response.StatusCode >= 500) return (true, $"HTTP {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode) return (false, $"HTTP {(int)response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var code = json.RootElement.TryGetProperty("errcode", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
            return code switch
            {
                0 => (false, null),
                -1 => (true, "errcode -1 (busy)"),
                null => (false, "no errcode in the answer"),
                _ => (false, $"errcode {code}"),
            };
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (true, e.GetType().Name);
        }
    }
}
