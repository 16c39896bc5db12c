using UnionBot.Core.Platforms;

namespace UnionBot.Core.Announcements;

/// <summary>What each way a post can end does to the rows, the channel and /healthz.</summary>
internal sealed partial class ChannelWorker
{
    private async Task RecordAsync(IReadOnlyList<OutboxRow> rows, SendResult result, int retries, CancellationToken ct)
    {
        var what = rows.Count == 1 ? rows[0].Key : $"a digest of {rows.Count} {rows[0].Kind} announcements";
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                await MarkSentAsync(rows, retries, what, ct);
                break;
            case SendOutcome.RateLimited:
                await _store.ReleaseAsync(rows, retries, result.ErrorCode, result.ErrorMessage, CancellationToken.None);
                var now = _time.GetUtcNow();
                _limiter.Saturate(now);
                _pausedUntil = now + _channel.RateLimitPause;
                _status.Pause(_channel.Id, _pausedUntil);
                LogRateLimited(_channel.Id, result.ErrorCode, _pausedUntil);
                break;
            case SendOutcome.Transient:
                await _store.MarkFailedAsync(rows, retries, result.ErrorCode, $"gave up after {retries + 1} attempts: {result.ErrorMessage}", CancellationToken.None);
                LogGaveUp(what, _channel.Id, retries + 1, result.ErrorCode, result.ErrorMessage);
                break;
            default:
                // The messenger's ErrorMessage already names the channel and what the administrator must fix.
                var reason = result.ErrorMessage ?? $"errcode {result.ErrorCode}";
                await _store.MarkFailedAsync(rows, retries, result.ErrorCode, reason, CancellationToken.None);
                if (PlatformErrors.IsContentError(result.ErrorCode)) // about this message only: the channel carries on
                {
                    LogRowRejected(what, _channel.Id, reason);
                    break;
                }
                _halted = true; // no retry storm: the channel waits, its other rows stay pending, until it is fixed and the bot restarted
                _status.Fail(_channel.Id, reason);
                LogChannelBroken(_channel.Id, _channel.Options.Platform, what, reason);
                break;
        }
    }
}
