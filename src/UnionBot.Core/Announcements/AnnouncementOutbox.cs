using Microsoft.Extensions.Logging;

namespace UnionBot.Core.Announcements;

/// <summary>
/// <see cref="IAnnouncementOutbox"/> over the outbox table: <c>/公告</c>, waiting-list promotions and suggestion replies
/// become rows due now; the key makes a second enqueue of the same thing a no-op.
/// </summary>
public sealed class AnnouncementOutbox(
    DeliveryChannels channels,
    OutboxStore store,
    DeliveryDispatcher dispatcher,
    TimeProvider time,
    ILogger<AnnouncementOutbox> logger) : IAnnouncementOutbox
{
    public const string Kind = "announce";

    public async Task EnqueueImmediateAsync(string key, OutgoingMessage message, string? channelId, CancellationToken ct)
    {
        IReadOnlyList<DeliveryChannel> targets = channelId is null ? channels.All
            : channels.Find(channelId) is { } one ? [one] : [];
        if (targets.Count == 0)
        {
            logger.LogWarning("Announcement {Key} was not queued: channel {Channel} does not take announcements", key, channelId);
            return;
        }
        var added = await store.InsertAsync(OutboxComposer.Rows(key, Kind, message, time.GetUtcNow(), targets), ct);
        if (added > 0)
            logger.LogInformation("Queued {Key} for {Count} channel rows", key, added);
        dispatcher.Wake(channelId);
    }

    /// <summary>An admin's send now / retry / skip of one row (the console); the channel's worker looks at once.</summary>
    public async Task<bool> ChangeAsync(long id, OutboxChange change, Commands.CommandContext ctx, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } row || !await store.ChangeAsync(id, change, ctx, ct)) return false;
        logger.LogInformation("Outbox row {Key} changed by an admin: {Change}", row.Key, change);
        dispatcher.Wake(row.ChannelId);
        return true;
    }
}
