using System.Data;
using Dapper;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.SignUps;

public sealed record SignUpRow
{
    public long Id { get; init; }
    public long Year { get; init; }
    public string Activity { get; init; } = "";
    public long? Quota { get; init; }
    public string? Deadline { get; init; }
    public bool IsOpen { get; init; }

    /// <summary>How many entries the sign-up has, signed up and waiting (as read with the row).</summary>
    public long Entries { get; init; }

    public DateTimeOffset? DeadlineAt => Deadline is null ? null : StoredTime.Parse(Deadline);

    /// <summary>How many of <see cref="Entries"/> hold a place: all of them, or the quota when more are in.</summary>
    public long Signed => Quota is { } q ? Math.Min(Entries, q) : Entries;
}

public sealed record EntryRow
{
    public long Id { get; init; }
    public string UserId { get; init; } = "";
    public string? UserName { get; init; }
    public string ChannelId { get; init; } = "";
    /// <summary>When they signed up (ISO-8601 with the zone's offset).</summary>
    public string JoinedAt { get; init; } = "";
}

/// <summary>Where a teacher stands: signed up at a place, or waiting at a position.</summary>
public sealed record Standing(bool Waiting, long Position);

/// <summary>The sign-up tables. Order of arrival is the entry's row id; standing is computed, never stored.</summary>
public sealed partial class SignUpStore(Database database)
{
    private const string SelectSignUps = """
        SELECT id AS Id, year AS Year, activity AS Activity, quota AS Quota, deadline AS Deadline, is_open AS IsOpen,
               entry_count AS Entries
        FROM signups
        """;
    private const string CurrentSql = SelectSignUps + " WHERE year = @Year OR is_open = 1 ORDER BY id;";
    private const string OpenSql = """
        INSERT INTO signups (year, activity, quota, deadline, is_open, opened_by, opened_at)
        VALUES (@Year, @Activity, @Quota, @Deadline, 1, @OpenedBy, @OpenedAt)
        ON CONFLICT (year, activity) DO UPDATE SET
            quota = excluded.quota, deadline = excluded.deadline, is_open = 1,
            opened_by = excluded.opened_by, opened_at = excluded.opened_at, closed_at = NULL
        RETURNING id;
        """;
    // A plan activity opened by the first /报名: never overwrites one an admin opened (or closed) meanwhile.
    private const string OpenImplicitSql = """
        INSERT INTO signups (year, activity, quota, deadline, is_open, opened_by, opened_at)
        VALUES (@Year, @Activity, NULL, NULL, 1, NULL, @OpenedAt)
        ON CONFLICT (year, activity) DO NOTHING;
        SELECT id FROM signups WHERE year = @Year AND activity = @Activity;
        """;
    private const string CloseSql = "UPDATE signups SET is_open = 0, closed_at = @ClosedAt WHERE id = @Id AND is_open = 1;";
    private const string EntriesSql = """
        SELECT id AS Id, user_id AS UserId, user_name AS UserName, channel_id AS ChannelId, joined_at AS JoinedAt
        FROM signup_entries WHERE signup_id = @Id ORDER BY id;
        """;
    private const string ByIdSql = SelectSignUps + " WHERE id = @Id;";

    /// <summary>This year's sign-ups and any still open from last year (a 十二月、元月 activity).</summary>
    public async Task<IReadOnlyList<SignUpRow>> CurrentAsync(int year, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<SignUpRow>(new CommandDefinition(CurrentSql, new { Year = year }, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// <see cref="CurrentAsync"/> as of this process's last change to the sign-ups themselves (opened, closed, quota,
    /// deadline), which every command that names an activity reads to find it. <see cref="SignUpRow.Entries"/> may
    /// lag: joins and cancellations do not renew the list, so read counts with <see cref="CurrentAsync"/>.
    /// </summary>
    /// <remarks>
    /// Reading the list was a fifth of a /报名's database work, on every message, for rows that change a few times a
    /// year. Only this class writes the <c>signups</c> table (no command-line verb does), and it counts every change
    /// once committed: a list read while a change was committing is not kept.
    /// </remarks>
    public async Task<IReadOnlyList<SignUpRow>> ListedAsync(int year, CancellationToken ct)
    {
        var changes = Volatile.Read(ref _changes);
        if (_listed is { } listed && listed.Year == year && listed.Changes == changes) return listed.Rows;
        var rows = await CurrentAsync(year, ct);
        if (Volatile.Read(ref _changes) == changes) _listed = new Listed(year, changes, rows);
        return rows;
    }

    private sealed record Listed(int Year, long Changes, IReadOnlyList<SignUpRow> Rows);

    private volatile Listed? _listed;
    private long _changes;

    /// <summary>Runs a write that may change the <c>signups</c> table, and renews <see cref="ListedAsync"/> after it.</summary>
    private async Task<T> ChangingSignUps<T>(Task<T> write)
    {
        try { return await write; }
        finally { Interlocked.Increment(ref _changes); }
    }

    public async Task<SignUpRow?> FindAsync(long id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<SignUpRow>(new CommandDefinition(ByIdSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<EntryRow>> EntriesAsync(long signUpId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<EntryRow>(new CommandDefinition(EntriesSql, new { Id = signUpId }, cancellationToken: ct))).ToList();
    }

    /// <summary>Opens (or reopens, keeping who signed up) with a quota and deadline; audited in the same transaction.</summary>
    public Task<long> OpenAsync(CommandContext ctx, string activity, int? quota, DateTimeOffset? deadline, CancellationToken ct) =>
        ChangingSignUps(database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            var id = c.ExecuteScalar<long>(OpenSql, new
            {
                Year = ctx.Now.Year, Activity = activity, Quota = quota,
                Deadline = deadline is { } d ? StoredTime.Format(d) : null, OpenedBy = ctx.UserId, OpenedAt = StoredTime.Format(ctx.Now),
            }, tx);
            AuditLog.Record(c, tx, ctx, "open-signup",
                $"{activity}，名额 {quota?.ToString() ?? "不限"}，截止 {(deadline is { } dl ? TimeZoneInfo.ConvertTime(dl, ctx.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "不限")}");
            return id;
        }, ct));

    public Task<bool> CloseAsync(CommandContext ctx, SignUpRow signUp, CancellationToken ct) =>
        ChangingSignUps(database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            var closed = c.Execute(CloseSql, new { signUp.Id, ClosedAt = StoredTime.Format(ctx.Now) }, tx) == 1;
            if (closed) AuditLog.Record(c, tx, ctx, "close-signup", signUp.Activity);
            return closed;
        }, ct));

    private static long OpenImplicit(IDbConnection c, IDbTransaction tx, CommandContext ctx, string activity) =>
        c.ExecuteScalar<long>(OpenImplicitSql, new { Year = ctx.Now.Year, Activity = activity, OpenedAt = StoredTime.Format(ctx.Now) }, tx);
}
