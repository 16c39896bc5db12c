using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Announcements;

/// <summary>
/// The outbox table. Every state change is one UPDATE; a row is posted twice only when the bot dies while it is
/// <c>sending</c>, between the claim and <see cref="MarkSentAsync"/> (README, "Exactly once").
/// </summary>
public sealed partial class OutboxStore(Database database, TimeProvider time)
{
    // Read by position (OutboxRow.Read), in this order.
    private const string Columns = """
        id, key, source_key, channel_id, kind, title, text, mentions, part, parts, due_at, state,
        attempts, last_errcode, last_error, sent_at
        """;

    /// <summary>A key already present is left as it is.</summary>
    private const string InsertSql = """
        INSERT INTO outbox (key, source_key, channel_id, kind, plan_year, title, text, mentions, part, parts, due_at, state, created_at, updated_at)
        VALUES (@Key, @SourceKey, @ChannelId, @Kind, @PlanYear, @Title, @Text, @Mentions, @Part, @Parts, @DueAt, @State, @Now, @Now)
        ON CONFLICT (key) DO NOTHING
        """;

    private const string RecoverSql = "UPDATE outbox SET state = 'pending', updated_at = @Now WHERE state = 'sending' RETURNING key";

    private const string SkipLateSql = """
        UPDATE outbox SET state = 'skipped', last_error = @Reason, updated_at = @Now
        WHERE channel_id = @ChannelId AND state = 'pending' AND due_at < @Cutoff
          AND (kind <> 'monthly' OR substr(source_key, length('monthly:') + 1, 7) < @ThisMonth)
        RETURNING key AS Key, due_at AS DueAt
        """;

    private const string NextDueSql = $"""
        SELECT {Columns} FROM outbox
        WHERE channel_id = @ChannelId AND state = 'pending' AND due_at <= @Now
          AND (due_at >= @LateBefore OR kind = 'monthly' AND substr(source_key, length('monthly:') + 1, 7) >= @ThisMonth)
        ORDER BY due_at, id LIMIT 1
        """;

    private const string BacklogSql = $"""
        SELECT {Columns} FROM outbox
        WHERE channel_id = @ChannelId AND state = 'pending' AND kind = @Kind AND parts = 1 AND due_at <= @Before
          AND (due_at >= @LateBefore OR kind = 'monthly' AND substr(source_key, length('monthly:') + 1, 7) >= @ThisMonth)
        ORDER BY due_at, id LIMIT 50
        """;

    private const string ClaimSql = """
        UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = @Now
        WHERE id IN (SELECT value FROM json_each(@Ids)) AND state = 'pending'
        """;

    private const string SentSql = """
        UPDATE outbox SET state = 'sent', sent_at = @Now, updated_at = @Now, attempts = attempts + @Retries,
            last_errcode = NULL, last_error = NULL
        WHERE id IN (SELECT value FROM json_each(@Ids)) AND state = 'sending'
        """;

    private const string FailedSql = """
        UPDATE outbox SET state = 'failed', last_errcode = @Code, last_error = @Error, updated_at = @Now, attempts = attempts + @Retries
        WHERE id IN (SELECT value FROM json_each(@Ids)) AND state = 'sending'
        """;

    private const string ReleaseSql = """
        UPDATE outbox SET state = 'pending', last_errcode = @Code, last_error = @Error, updated_at = @Now, attempts = attempts + @Retries
        WHERE id IN (SELECT value FROM json_each(@Ids)) AND state = 'sending'
        """;

    private const string EarliestPendingSql = """
        SELECT source_key AS SourceKey, MIN(due_at) AS DueAt FROM outbox
        WHERE state = 'pending' AND due_at > @Now GROUP BY source_key
        """;

    private const string ListSql = $"SELECT {Columns} FROM outbox ORDER BY due_at, id";

    private const string ByIdSql = $"SELECT {Columns} FROM outbox WHERE id = @Id";

    // The admin's three changes (SPEC section 8). Each names the states it may start from, so that a row the
    // dispatcher claimed meanwhile ('sending') is never touched: nothing is posted twice or lost.
    private const string SendNowSql = "UPDATE outbox SET due_at = @Now, updated_at = @Now WHERE id = @Id AND state = 'pending'";
    private const string RetrySql = """
        UPDATE outbox SET state = 'pending', due_at = @Now, updated_at = @Now WHERE id = @Id AND state IN ('failed', 'skipped')
        """;
    private const string SkipSql = """
        UPDATE outbox SET state = 'skipped', last_error = @Reason, updated_at = @Now WHERE id = @Id AND state IN ('pending', 'failed')
        """;

    private string Now => StoredTime.Format(time.GetUtcNow());

    /// <summary>Adds the rows whose key is new; returns how many were added (an existing key is left as it is).</summary>
    public Task<int> InsertAsync(IEnumerable<OutboxRow> rows, CancellationToken ct = default)
    {
        var now = Now;
        var list = rows.ToList();
        return database.Writes.RunAsync((connection, tx) => list.Sum(row => connection.ExecuteAdo(InsertSql, tx, Params(row, now))), ct);
    }

    /// <summary>
    /// At start: a row left <c>sending</c> was maybe posted, maybe not (the platforms cannot be asked); it is sent again
    /// (README, "Exactly once"). Returns the keys, for the log.
    /// </summary>
    public Task<IReadOnlyList<string>> RecoverInterruptedAsync(CancellationToken ct = default)
    {
        var now = Now;
        return database.Writes.RunAsync<IReadOnlyList<string>>((connection, tx) =>
            connection.QueryAdo(RecoverSql, tx, r => r.GetString(0), ("@Now", now)), ct);
    }

    /// <summary>Marks the channel's pending rows due before <paramref name="cutoff"/> skipped; returns their keys and due times.</summary>
    /// <remarks>
    /// A monthly notice is skipped only once its month has ended as well (SPEC section 2): a bot first started on
    /// 2 December still posts December's activities, while November's are of no use any more.
    /// The notice's month is the one in its key (<c>monthly:2026-02</c>), not its due day, which a weekend can push into
    /// the next month. <paramref name="thisMonth"/> is the current month in the schedule's zone, as <c>2026-03</c>.
    /// </remarks>
    public Task<IReadOnlyList<(string Key, string DueAt)>> SkipLateAsync(string channelId, DateTimeOffset cutoff, string thisMonth,
        string reason, CancellationToken ct = default)
    {
        var now = Now;
        return database.Writes.RunAsync<IReadOnlyList<(string, string)>>((connection, tx) =>
            connection.QueryAdo(SkipLateSql, tx, r => (r.GetString(0), r.GetString(1)), ("@ChannelId", channelId),
                ("@Cutoff", StoredTime.Format(cutoff)), ("@ThisMonth", thisMonth), ("@Reason", reason), ("@Now", now)), ct);
    }

    /// <summary>
    /// Claims the channel's next due row as <c>sending</c>. When that row is part of a backlog (due before
    /// <paramref name="backlogBefore"/>), the other backlog rows of its kind are claimed with it, to be sent as one digest;
    /// <paramref name="fits"/> decides how many of them fit one message. A row <see cref="SkipLateAsync"/> would skip
    /// (due before <paramref name="lateBefore"/>, a monthly one of a month before <paramref name="thisMonth"/>) is never
    /// claimed: the plan sync may insert it between that sweep and this claim, and the next sweep skips it.
    /// </summary>
    public Task<IReadOnlyList<OutboxRow>> ClaimNextAsync(string channelId, DateTimeOffset now, DateTimeOffset backlogBefore,
        Func<IReadOnlyList<OutboxRow>, IReadOnlyList<OutboxRow>> fits, CancellationToken ct = default,
        DateTimeOffset? lateBefore = null, string thisMonth = "") =>
        database.Writes.RunAsync<IReadOnlyList<OutboxRow>>((connection, tx) =>
        {
            var late = lateBefore is { } l ? StoredTime.Format(l) : "";
            var first = connection.QueryAdo(NextDueSql, tx, OutboxRow.Read, ("@ChannelId", channelId), ("@Now", StoredTime.Format(now)),
                ("@LateBefore", late), ("@ThisMonth", thisMonth)).FirstOrDefault();
            if (first is null) return [];
            IReadOnlyList<OutboxRow> claim = [first];
            if (first.Parts == 1 && first.Due <= backlogBefore)
            {
                var backlog = connection.QueryAdo(BacklogSql, tx, OutboxRow.Read, ("@ChannelId", channelId), ("@Kind", first.Kind),
                    ("@Before", StoredTime.Format(backlogBefore)), ("@LateBefore", late), ("@ThisMonth", thisMonth));
                if (backlog.Count > 1 && backlog[0].Id == first.Id) claim = fits(backlog);
            }
            // BEGIN IMMEDIATE keeps other processes out, so every row read above is still pending here.
            connection.ExecuteAdo(ClaimSql, tx, ("@Ids", Ids(claim)), ("@Now", StoredTime.Format(now)));
            return claim;
        }, ct);

    /// <summary>The one statement after the platform's acknowledgement.</summary>
    public Task MarkSentAsync(IReadOnlyList<OutboxRow> rows, int retries, CancellationToken ct = default) =>
        ExecuteAsync(SentSql, ct, ("@Ids", Ids(rows)), ("@Now", Now), ("@Retries", retries));

    public Task MarkFailedAsync(IReadOnlyList<OutboxRow> rows, int retries, int? code, string error, CancellationToken ct = default) =>
        ExecuteAsync(FailedSql, ct, ("@Ids", Ids(rows)), ("@Now", Now), ("@Retries", retries), ("@Code", code), ("@Error", error));

    /// <summary>Puts claimed rows back to pending (rate limited, channel halted, shutting down): nothing is lost.</summary>
    public Task ReleaseAsync(IReadOnlyList<OutboxRow> rows, int retries, int? code, string? error, CancellationToken ct = default) =>
        ExecuteAsync(ReleaseSql, ct, ("@Ids", Ids(rows)), ("@Now", Now), ("@Retries", retries), ("@Code", code), ("@Error", error));

    /// <summary>For each announcement with pending rows in the future, its earliest due time (Quartz triggers are made from these).</summary>
    public async Task<IReadOnlyList<(string SourceKey, DateTimeOffset DueAt)>> FuturePendingAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAdoAsync(EarliestPendingSql, r => (r.GetString(0), StoredTime.Parse(r.GetString(1))), ct, ("@Now", Now));
    }

    public async Task<IReadOnlyList<OutboxRow>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryAdoAsync(ListSql, OutboxRow.Read, ct);
    }

    public async Task<OutboxRow?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAdoAsync(ByIdSql, OutboxRow.Read, ct, ("@Id", id))).FirstOrDefault();
    }

    /// <summary>
    /// An admin's change to one row, audited in its transaction: send a pending row now, send a failed or skipped row
    /// again, or skip a pending or failed one. False when the row is not in a state the change applies to.
    /// </summary>
    public Task<bool> ChangeAsync(long id, OutboxChange change, CommandContext ctx, CancellationToken ct = default)
    {
        var sql = change switch { OutboxChange.SendNow => SendNowSql, OutboxChange.Retry => RetrySql, _ => SkipSql };
        var now = Now;
        return database.Writes.RunAsync(ctx.Claim, (connection, tx) =>
        {
            var changed = connection.ExecuteAdo(sql, tx, ("@Id", id), ("@Now", now), ("@Reason", "管理员在后台跳过")) == 1;
            if (changed) AuditLog.Record(connection, tx, ctx, $"outbox-{change.ToString().ToLowerInvariant()}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return changed;
        }, ct);
    }

    private static (string, object?)[] Params(OutboxRow row, string now) =>
    [
        ("@Key", row.Key), ("@SourceKey", row.SourceKey), ("@ChannelId", row.ChannelId), ("@Kind", row.Kind), ("@PlanYear", row.PlanYear),
        ("@Title", row.Title), ("@Text", row.Text), ("@Mentions", row.Mentions), ("@Part", row.Part), ("@Parts", row.Parts),
        ("@DueAt", row.DueAt), ("@State", row.State), ("@Now", now),
    ];

    private static string Ids(IReadOnlyList<OutboxRow> rows) => AdoStatements.JsonArray(rows.Select(r => r.Id));

    private Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string, object?)[] values) =>
        database.Writes.RunAsync((connection, tx) => connection.ExecuteAdo(sql, tx, values), ct);
}

public enum OutboxChange { SendNow, Retry, Skip }
