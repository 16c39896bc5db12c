using UnionBot.Core.Storage;

namespace UnionBot.Core.Announcements;

/// <summary>What one plan sync changed in the outbox.</summary>
public sealed record SyncResult(int Added, int Updated, int Cancelled, int Unchanged);

/// <summary>
/// Brings the outbox in line with the plan's schedule, by key: new rows are added, unsent rows get the new text
/// or time, rows whose activity left the plan are cancelled (skipped), and rows already sent, sending or failed
/// are never touched. Only rows of the same schedule year are compared, so the new year's first sync leaves last
/// year's late-December rows (due on 1 January) alone; rows of <c>/公告</c> are not the schedule's at all.
/// </summary>
public sealed partial class OutboxStore
{
    /// <summary>The reason written on a row cancelled because its activity left the plan; such a row comes back if the activity does.</summary>
    public const string RemovedFromPlan = "removed from the plan";

    /// <summary>The reason written on a row skipped because it was due longer ago than <c>Schedule:CatchUp</c> (the bot was not running).</summary>
    public const string TooLate = "late by more than Schedule:CatchUp";

    private const string ScheduledSql = $"""
        SELECT {Columns} FROM outbox WHERE kind <> '{AnnouncementOutbox.Kind}' AND plan_year = @Year
        """;

    private const string UpdateScheduledSql = """
        UPDATE outbox SET title = @Title, text = @Text, mentions = @Mentions, due_at = @DueAt, state = 'pending',
            last_error = NULL, last_errcode = NULL, updated_at = @Now
        WHERE id = @Id AND state IN ('pending', 'skipped')
        """;

    private const string CancelScheduledSql = """
        UPDATE outbox SET state = 'skipped', last_error = @Reason, updated_at = @Now WHERE id = @Id AND state = 'pending'
        """;

    public Task<SyncResult> SyncScheduleAsync(int year, IReadOnlyList<OutboxRow> desired, CancellationToken ct = default)
    {
        var now = Now;
        return database.Writes.RunAsync((connection, tx) =>
        {
            var existing = connection.QueryAdo(ScheduledSql, tx, OutboxRow.Read, ("@Year", year)).ToDictionary(r => r.Key, StringComparer.Ordinal);
            int added = 0, updated = 0, cancelled = 0, unchanged = 0;
            foreach (var wanted in desired)
            {
                var row = wanted with { PlanYear = year };
                if (!existing.Remove(row.Key, out var old))
                {
                    added += connection.ExecuteAdo(InsertSql, tx, Params(row, now));
                    continue;
                }
                var revivable = old.State == OutboxState.Skipped && old.LastError == RemovedFromPlan;
                var changed = old.Title != row.Title || old.Text != row.Text || old.Mentions != row.Mentions || old.DueAt != row.DueAt;
                if ((old.State == OutboxState.Pending && changed) || revivable)
                    updated += connection.ExecuteAdo(UpdateScheduledSql, tx, ("@Id", old.Id), ("@Title", row.Title), ("@Text", row.Text),
                        ("@Mentions", row.Mentions), ("@DueAt", row.DueAt), ("@Now", now));
                else
                    unchanged++;
            }
            foreach (var gone in existing.Values.Where(r => r.State == OutboxState.Pending))
                cancelled += connection.ExecuteAdo(CancelScheduledSql, tx, ("@Id", gone.Id), ("@Reason", RemovedFromPlan), ("@Now", now));
            return new SyncResult(added, updated, cancelled, unchanged);
        }, ct);
    }
}
