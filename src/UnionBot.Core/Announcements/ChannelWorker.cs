using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;

namespace UnionBot.Core.Announcements;

/// <summary>
/// Sends one channel's due rows, one post at a time, within its rate limit. Each channel has its own worker, so a
/// slow, throttled or broken robot never holds up the others.
/// </summary>
internal sealed partial class ChannelWorker
{
    private readonly DeliveryChannel _channel;
    private readonly OutboxStore _store;
    private readonly DeliveryStatus _status;
    private readonly DeliveryOptions _delivery;
    private readonly TimeSpan _catchUp;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SlidingWindowLimiter _limiter;
    // Built at the first send, not with the worker: a bot with nothing due never loads Polly or the data annotations
    // that Polly validates its options with (UnionBotOptionsValidator has already checked the values it is given).
    private ResiliencePipeline<SendResult>? _retry;
    private readonly TimeZoneInfo _zone;
    private DateTimeOffset _pausedUntil;
    private bool _halted;

    public ChannelWorker(DeliveryChannel channel, OutboxStore store, DeliveryStatus status, UnionBotOptions options, TimeProvider time, ILogger logger)
    {
        (_channel, _store, _status, _delivery, _catchUp, _time, _logger) = (channel, store, status, options.Delivery, options.Schedule.CatchUp, time, logger);
        _zone = options.FindZone();
        _limiter = new SlidingWindowLimiter(channel.MaxPerWindow, _delivery.RateWindow);
    }

    public void Wake()
    {
        try { if (_wake.CurrentCount == 0) _wake.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            DateTimeOffset? next;
            try { next = await DrainAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // A locked or unreadable database: nothing was lost (rows stay pending or sending); try again shortly.
                LogWorkerError(_channel.Id, e);
                next = _time.GetUtcNow() + TimeSpan.FromSeconds(30);
            }
            await SleepAsync(next, ct);
        }
    }

    private async Task<DateTimeOffset?> DrainAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_halted) return null;
            var now = _time.GetUtcNow();
            if (_pausedUntil > now) return _pausedUntil;
            _status.Resume(_channel.Id);
            var late = await _store.SkipLateAsync(_channel.Id, now - _catchUp, ThisMonth(now), OutboxStore.TooLate, ct);
            if (late.Count == 1)
                LogSkippedLate(late[0].Key, _channel.Id, late[0].DueAt, _catchUp);
            else if (late.Count > 1) // the first start mid-year: one line per channel, not one per past announcement
                LogSkippedManyLate(late.Count, _channel.Id, _catchUp, string.Join(", ", late.Select(l => l.Key)));
            var slot = _limiter.NextSlot(now);
            if (slot > now) return slot;
            var rows = await _store.ClaimNextAsync(_channel.Id, now, now - _delivery.BacklogAfter,
                backlog => OutboxComposer.FitDigest(backlog, _channel.Messenger), ct, now - _catchUp, ThisMonth(now));
            if (rows.Count == 0) return null;
            await DeliverAsync(rows, ct);
        }
    }

    /// <summary><paramref name="now"/>'s month in the schedule's zone, as in the monthly keys: <c>2026-03</c>.</summary>
    private string ThisMonth(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, _zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private async Task DeliverAsync(IReadOnlyList<OutboxRow> rows, CancellationToken ct)
    {
        var message = OutboxComposer.Digest(rows);
        var due = ZonedTime.DateIn(rows[0].Due, _zone);
        if (rows.Count == 1 && ZonedTime.DateIn(_time.GetUtcNow(), _zone) > due)
            message = OutboxComposer.MarkedLate(message, due, _channel.Messenger);
        var tries = 0;
        SendResult result;
        try
        {
            _retry ??= BuildRetry();
            result = await _retry.ExecuteAsync(async token =>
            {
                tries++;
                await WaitForSlotAsync(token); // every attempt, retries included, counts against the platform's limit
                return await SendOnceAsync(message);
            }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping between attempts: the platform has not acknowledged anything, so the rows go back to pending.
            await _store.ReleaseAsync(rows, Math.Max(0, tries - 1), null, "the bot stopped before it was sent", CancellationToken.None);
            throw;
        }
        await RecordAsync(rows, result, Math.Max(0, tries - 1), ct);
    }

    private async Task<SendResult> SendOnceAsync(OutgoingMessage message)
    {
        try
        {
            // Not cancelled on shutdown: a post in flight is let finish so that its outcome is recorded.
            return await _channel.Messenger.SendAsync(_channel.Options, message, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or IOException)
        {
            return new SendResult(SendOutcome.Transient, null, e.GetType().Name + ": " + e.Message);
        }
        catch (Exception e)
        {
            // A messenger bug, not the network. Escaping from here left the rows 'sending' until the next restart;
            // retried like a transient failure instead, they end 'failed' with this text after MaxAttempts.
            LogMessengerBug(_channel.Id, e);
            return new SendResult(SendOutcome.Transient, null, "unexpected " + e.GetType().Name + ": " + e.Message);
        }
    }

    private async Task WaitForSlotAsync(CancellationToken ct)
    {
        while (true)
        {
            var now = _time.GetUtcNow();
            var slot = _limiter.NextSlot(now);
            if (slot <= now) { _limiter.Record(now); return; }
            await Task.Delay(slot - now, _time, ct);
        }
    }

    private async Task SleepAsync(DateTimeOffset? until, CancellationToken ct)
    {
        var delay = until is { } u ? u - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        if (until is not null && delay <= TimeSpan.Zero) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _wake.WaitAsync(stop.Token);
        var timer = Task.Delay(delay, _time, stop.Token);
        await Task.WhenAny(woken, timer);
        await stop.CancelAsync();
    }

    private ResiliencePipeline<SendResult> BuildRetry()
    {
        var builder = new ResiliencePipelineBuilder<SendResult> { TimeProvider = _time };
        if (_delivery.MaxAttempts > 1)
            builder.AddRetry(new RetryStrategyOptions<SendResult>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Outcome == SendOutcome.Transient),
                MaxRetryAttempts = _delivery.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _delivery.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(5),
                OnRetry = args =>
                {
                    LogRetrying(_channel.Id, args.AttemptNumber + 1, args.Outcome.Result?.ErrorCode, args.Outcome.Result?.ErrorMessage, args.RetryDelay);
                    return default;
                },
            });
        return builder.Build();
    }
}
