using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.SignUps;

/// <summary>How a /报名 ended.</summary>
public enum JoinOutcome { Joined, AlreadyIn, Closed, PastDeadline }

/// <summary><see cref="State"/> is the sign-up's quota and deadline as the join read them, inside its transaction.</summary>
public sealed record JoinResult(JoinOutcome Outcome, Standing? Standing, SignUpRow State);

/// <summary>How a /取消报名 ended; <see cref="Promoted"/> is the waiting teacher who took the freed place.</summary>
public sealed record LeaveResult(bool WasIn, EntryRow? Promoted, long? PromotedPlace);

public sealed partial class SignUpStore
{
    // One statement for everything a join or a leave decides on, read inside the write transaction: each statement
    // costs a prepare and a round trip while every other teacher's callback waits for the single writer. The count
    // is the trigger-kept entry_count (migration 0006): a COUNT(*) here walked the whole sign-up under the writer.
    private const string StateSql = """
        SELECT s.quota AS Quota, s.deadline AS Deadline, s.is_open AS IsOpen,
               (SELECT e.id FROM signup_entries e WHERE e.signup_id = s.id AND e.user_id = @UserId) AS Mine,
               s.entry_count AS Entries
        FROM signups s WHERE s.id = @Id;
        """;
    private const string RankSql = "SELECT COUNT(*) FROM signup_entries WHERE signup_id = @Id AND id <= @EntryId;";
    private const string InsertEntrySql = """
        INSERT INTO signup_entries (signup_id, user_id, user_name, channel_id, joined_at)
        VALUES (@Id, @UserId, @UserName, @ChannelId, @JoinedAt)
        """;
    private const string DeleteEntrySql = "DELETE FROM signup_entries WHERE id = @EntryId;";
    private const string AtPlaceSql = """
        SELECT id AS Id, user_id AS UserId, user_name AS UserName, channel_id AS ChannelId
        FROM signup_entries WHERE signup_id = @Id ORDER BY id LIMIT 1 OFFSET @Offset;
        """;

    /// <summary>
    /// Signs up as one item of <see cref="Database.Writes"/>: opening a plan activity nobody opened yet
    /// (<paramref name="signUpId"/> null), the state check, the insert and the rank are one step under the single
    /// writer, so a hundred teachers at once get distinct places in arrival order; the unique index is the last guard.
    /// </summary>
    public Task<JoinResult> JoinAsync(long? signUpId, string activity, CommandContext ctx, CancellationToken ct)
    {
        var join = database.Writes.RunAsync(ctx.Claim, (c, tx) => Join(c, tx, signUpId ?? OpenImplicit(c, tx, ctx, activity), ctx), ct);
        return signUpId is null ? ChangingSignUps(join) : join;
    }

    /// <summary>Cancels; when the leaver held a place and someone waits, the first waiting teacher now holds the last place.</summary>
    public Task<LeaveResult> LeaveAsync(long signUpId, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) => Leave(c, tx, signUpId, ctx), ct);

    private static JoinResult Join(SqliteConnection c, SqliteTransaction tx, long signUpId, CommandContext ctx)
    {
        var read = ReadState(c, tx, signUpId, ctx.UserId);
        var state = new SignUpRow { Id = signUpId, Quota = read.Quota, Deadline = read.Deadline, IsOpen = read.IsOpen };
        if (read.Mine is { } mine)
            return new JoinResult(JoinOutcome.AlreadyIn, StandingOf(c, tx, signUpId, mine, state.Quota), state);
        if (!state.IsOpen) return new JoinResult(JoinOutcome.Closed, null, state);
        if (state.DeadlineAt is { } deadline && ctx.Now >= deadline) return new JoinResult(JoinOutcome.PastDeadline, null, state);

        c.Reuse(tx, InsertEntrySql).With("@Id", signUpId).With("@UserId", ctx.UserId).With("@UserName", ctx.Message.UserName)
            .With("@ChannelId", ctx.ChannelId).With("@JoinedAt", StoredTime.Format(ctx.Now)).ExecuteNonQuery();
        // The writer is held and AUTOINCREMENT ids only grow, so the new entry comes after every entry counted above:
        // its rank is that count plus one, without a second count.
        return new JoinResult(JoinOutcome.Joined, RankToStanding(read.Entries + 1, state.Quota), state);
    }

    /// <summary><see cref="StateSql"/> for one teacher; the row must exist (the caller has the sign-up's id).</summary>
    private static EntryState ReadState(SqliteConnection c, SqliteTransaction tx, long signUpId, string userId)
    {
        using var reader = c.Reuse(tx, StateSql).With("@Id", signUpId).With("@UserId", userId).ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException($"sign-up {signUpId} does not exist");
        return new EntryState
        {
            Quota = reader.IsDBNull(0) ? null : reader.GetInt64(0),
            Deadline = reader.IsDBNull(1) ? null : reader.GetString(1),
            IsOpen = reader.GetBoolean(2),
            Mine = reader.IsDBNull(3) ? null : reader.GetInt64(3),
            Entries = reader.GetInt64(4),
        };
    }

    private static LeaveResult Leave(SqliteConnection c, SqliteTransaction tx, long signUpId, CommandContext ctx)
    {
        var state = ReadState(c, tx, signUpId, ctx.UserId);
        if (state.Mine is not { } mine) return new LeaveResult(false, null, null);

        var before = StandingOf(c, tx, signUpId, mine, state.Quota);
        c.Execute(DeleteEntrySql, new { EntryId = mine }, tx);
        EntryRow? promoted = null;
        if (state.Quota is { } quota && !before.Waiting)
            promoted = c.QuerySingleOrDefault<EntryRow>(AtPlaceSql, new { Id = signUpId, Offset = quota - 1 }, tx);
        return new LeaveResult(true, promoted, promoted is null ? null : state.Quota);
    }

    private static Standing StandingOf(IDbConnection c, IDbTransaction tx, long signUpId, long entryId, long? quota) =>
        RankToStanding(c.ExecuteScalar<long>(RankSql, new { Id = signUpId, EntryId = entryId }, tx), quota);

    private static Standing RankToStanding(long rank, long? quota) =>
        quota is { } q && rank > q ? new Standing(true, rank - q) : new Standing(false, rank);

    private sealed record EntryState
    {
        public long? Quota { get; init; }
        public string? Deadline { get; init; }
        public bool IsOpen { get; init; }
        public long? Mine { get; init; }
        public long Entries { get; init; }
    }

    /// <summary>Where each entry stands, in arrival order.</summary>
    public static IReadOnlyList<(EntryRow Entry, Standing Standing)> Standings(IReadOnlyList<EntryRow> entries, long? quota) =>
        entries.Select((e, i) => (e, RankToStanding(i + 1, quota))).ToList();
}
