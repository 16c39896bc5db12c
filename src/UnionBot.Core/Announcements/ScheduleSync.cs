using Dapper;
using Microsoft.Data.Sqlite;
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
public sealed class ScheduleSync(Database database, TimeProvider time)
{
    /// <summary>The reason written on a row cancelled because its activity left the plan; such a row comes back if the activity does.</summary>
    public const string RemovedFromPlan = "removed from the plan";

    private const string ScheduledSql = $"""
        SELECT {OutboxStore.Columns} FROM outbox WHERE kind <> '{AnnouncementOutbox.Kind}' AND plan_year = @Year
        """;

    private const string UpdateSql = """
        UPDATE outbox SET title = @Title, text = @Text, mentions = @Mentions, due_at = @DueAt, state = 'pending',
            last_error = NULL, last_errcode = NULL, updated_at = @Now
        WHERE id = @Id AND state IN ('pending', 'skipped')
        """;

    private const string CancelSql = """
        UPDATE outbox SET state = 'skipped', last_error = @Reason, updated_at = @Now WHERE id = @Id AND state = 'pending'
        """;

    public async Task<SyncResult> SyncAsync(int year, IReadOnlyList<OutboxRow> desired, CancellationToken ct = default)
    {
        var now = OutboxTime.Format(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var existing = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(ScheduledSql, new { Year = year }, tx, cancellationToken: ct)))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        int added = 0, updated = 0, cancelled = 0, unchanged = 0;
        foreach (var wanted in desired)
        {
            var row = wanted with { PlanYear = year };
            if (!existing.Remove(row.Key, out var old))
            {
                added += await connection.ExecuteAsync(new CommandDefinition(OutboxStore.InsertSql, OutboxStore.Params(row, now), tx, cancellationToken: ct));
                continue;
            }
            var revivable = old.State == OutboxState.Skipped && old.LastError == RemovedFromPlan;
            var changed = old.Title != row.Title || old.Text != row.Text || old.Mentions != row.Mentions || old.DueAt != row.DueAt;
            if ((old.State == OutboxState.Pending && changed) || revivable)
                updated += await connection.ExecuteAsync(new CommandDefinition(UpdateSql,
                    new { old.Id, row.Title, row.Text, row.Mentions, row.DueAt, Now = now }, tx, cancellationToken: ct));
            else
                unchanged++;
        }
        foreach (var gone in existing.Values.Where(r => r.State == OutboxState.Pending))
            cancelled += await connection.ExecuteAsync(new CommandDefinition(CancelSql,
                new { gone.Id, Reason = RemovedFromPlan, Now = now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new SyncResult(added, updated, cancelled, unchanged);
    }
}
