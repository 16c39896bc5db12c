using Microsoft.Data.Sqlite;
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

    /// <summary>The row at the reader, its columns in the order of <c>OutboxStore.Columns</c>.</summary>
    internal static OutboxRow Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0), Key = r.GetString(1), SourceKey = r.GetString(2), ChannelId = r.GetString(3), Kind = r.GetString(4),
        Title = r.GetString(5), Text = r.GetString(6), Mentions = r.GetString(7), Part = r.GetInt32(8), Parts = r.GetInt32(9),
        DueAt = r.GetString(10), State = r.GetString(11), Attempts = r.GetInt32(12), LastErrcode = r.NullableInt32(13),
        LastError = r.NullableString(14), SentAt = r.NullableString(15),
    };
}
