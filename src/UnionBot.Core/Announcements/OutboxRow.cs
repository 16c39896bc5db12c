using UnionBot.Core.Storage;
using System.Globalization;

namespace UnionBot.Core.Announcements;

/// <summary>The life of an outbox row: pending → sending → sent | failed, or skipped (cancelled or too late).</summary>
public static class OutboxState
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}

/// <summary>One (announcement, channel) pair, or one numbered part of it, as stored in the <c>outbox</c> table.</summary>
public sealed record OutboxRow
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public required string SourceKey { get; init; }
    public required string ChannelId { get; init; }
    public required string Kind { get; init; }
    public int? PlanYear { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public string Mentions { get; init; } = "[]";
    public int Part { get; init; } = 1;
    public int Parts { get; init; } = 1;
    public required string DueAt { get; init; }
    public string State { get; init; } = OutboxState.Pending;
    public int Attempts { get; init; }
    public int? LastErrcode { get; init; }
    public string? LastError { get; init; }
    public string? SentAt { get; init; }

    public DateTimeOffset Due => StoredTime.Parse(DueAt);
}
