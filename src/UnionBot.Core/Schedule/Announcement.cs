namespace UnionBot.Core.Schedule;

public enum AnnouncementKind { Monthly, Festival, Reminder, Announce }

/// <summary>One message of the year's schedule, before it is addressed to channels.</summary>
/// <param name="Key">Stable identity across restarts and plan edits, e.g. <c>monthly:2026-03</c>; the outbox appends <c>:channelId</c>.</param>
/// <param name="At">When it is due, in the configured zone.</param>
/// <param name="Title">Short title (DingTalk's chat-list title, log lines).</param>
/// <param name="Text">The finished markdown message.</param>
public sealed record Announcement(string Key, DateTimeOffset At, AnnouncementKind Kind, string Title, string Text);
