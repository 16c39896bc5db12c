using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Options;
using UnionBot.Core.Text;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>Replies waiting to be posted to their sessionWebhook, so that the callback itself answers at once.</summary>
public sealed class DingTalkReplyQueue(ILogger<DingTalkReplyQueue> logger)
{
    private readonly Channel<DingTalkReply> _queue = Channel.CreateBounded<DingTalkReply>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<DingTalkReply> Reader => _queue.Reader;

    public void Enqueue(DingTalkReply reply)
    {
        if (!_queue.Writer.TryWrite(reply))
            logger.LogError("DingTalk reply queue is full; reply to message {MessageId} on channel {ChannelId} dropped", LogText.Of(reply.MessageId), reply.ChannelId);
    }
}

/// <summary>
/// Posts queued replies through the DingTalk robot client, a few at a time. A transient failure or a rate limit
/// is retried twice (after 1 s, then 2 s); a permanent one (an expired session, 300001) is logged once: the
/// sessionWebhook only lives about 90 minutes, so there is nothing to wait for.
/// </summary>
public sealed class DingTalkReplySender(
    DingTalkReplyQueue queue, DingTalkRobotClient robot, Microsoft.Extensions.Options.IOptions<UnionBotOptions> options,
    TimeProvider time, ILogger<DingTalkReplySender> logger) : BackgroundService
{
    private const int Workers = 4;
    private const int Attempts = 3;

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

    private async Task PostAsync(DingTalkReply reply, CancellationToken ct)
    {
        var channel = options.Value.Channels.FirstOrDefault(c => c.Id == reply.ChannelId);
        if (channel is null) return;
        for (var attempt = 1; ; attempt++)
        {
            var result = await robot.SendToSessionAsync(reply.SessionWebhook, channel, reply.Message, ct);
            if (result.Outcome == SendOutcome.Sent) return;
            if (result.Outcome == SendOutcome.Permanent || attempt == Attempts)
            {
                // The result's message names the channel and errcode; the webhook URL (a session token) is never logged.
                logger.LogWarning("DingTalk reply to message {MessageId} not delivered: {Outcome} {Detail}",
                    LogText.Of(reply.MessageId), result.Outcome, LogText.Of(result.ErrorMessage, 200));
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt), time, ct);
        }
    }
}
