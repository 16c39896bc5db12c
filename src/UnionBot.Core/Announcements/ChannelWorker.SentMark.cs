namespace UnionBot.Core.Announcements;

/// <summary>
/// After the platform's acknowledgement the rows must become <c>sent</c>: a row left <c>sending</c> is posted again at
/// the next start. A database that refuses the mark (read-only file or folder, full disk) is asked again until it
/// takes it, with pauses growing from 1 s to 30 s. Meanwhile this channel posts nothing else (its claims would fail
/// the same way) and /healthz names the rows.
/// </summary>
internal sealed partial class ChannelWorker
{
    private static readonly TimeSpan FirstMarkRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestMarkRetry = TimeSpan.FromSeconds(30);

    private async Task MarkSentAsync(IReadOnlyList<OutboxRow> rows, int retries, string what, CancellationToken ct)
    {
        var delay = FirstMarkRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Not cancelled on shutdown: a mark that can still be written is written.
                await _store.MarkSentAsync(rows, retries, CancellationToken.None);
                _status.Recorded(_channel.Id);
                if (attempt == 1) LogSent(what, _channel.Id);
                else LogSentMarkWritten(what, _channel.Id, attempt);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (ct.IsCancellationRequested)
                {
                    // Stopping with the database still refusing: nothing durable says the post went out.
                    LogSentMarkLost(what, _channel.Id, e.Message);
                    return;
                }
                if (attempt == 1) LogSentMarkRefused(what, _channel.Id, e.Message);
                _status.NotRecorded(_channel.Id,
                    $"{what} was posted but is not recorded as sent yet ({e.Message}); the record is retried and the post is not repeated");
            }
            // Cancelled: one last try at once, then give up (above).
            try { await Task.Delay(delay, _time, ct); }
            catch (OperationCanceledException) { }
            delay = delay * 2 < LongestMarkRetry ? delay * 2 : LongestMarkRetry;
        }
    }
}
