namespace UnionBot.Core.Announcements;

/// <summary>A message to post into groups, with the user ids it must notify.</summary>
public sealed record OutgoingMessage(string Title, string Markdown, IReadOnlyList<string>? Mentions = null);

/// <summary>
/// The seam through which anything (the schedule, <c>/公告</c>, a promoted waiting-list teacher) posts to groups.
/// Every post is a row keyed by (key, channel): enqueuing the same key twice posts once.
/// </summary>
public interface IAnnouncementOutbox
{
    /// <summary>Posts as soon as the channel's rate limit allows; <paramref name="channelId"/> null means every channel.</summary>
    Task EnqueueImmediateAsync(string key, OutgoingMessage message, string? channelId, CancellationToken ct);
}
