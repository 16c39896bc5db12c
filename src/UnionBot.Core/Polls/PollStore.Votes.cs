using System.Data;
using Dapper;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Polls;

public sealed partial class PollStore
{
    private const string PollStateSql = "SELECT is_anonymous AS IsAnonymous, closed_at AS ClosedAt FROM polls WHERE id = @Id;";
    private const string HasVotedSql = "SELECT COUNT(*) FROM poll_voters WHERE poll_id = @Id AND user_id = @UserId;";
    private const string UpsertVoterSql = """
        INSERT INTO poll_voters (poll_id, user_id, voted_at) VALUES (@Id, @UserId, @VotedAt)
        ON CONFLICT (poll_id, user_id) DO UPDATE SET voted_at = excluded.voted_at;
        """;
    // No time: an anonymous voter row and a tally bump must not be matchable by when they happened.
    private const string InsertAnonymousVoterSql = "INSERT INTO poll_voters (poll_id, user_id, voted_at) VALUES (@Id, @UserId, '');";
    private const string ClearChoicesSql = "DELETE FROM poll_choices WHERE poll_id = @Id AND user_id = @UserId;";
    private const string InsertChoiceSql = "INSERT INTO poll_choices (poll_id, user_id, number) VALUES (@Id, @UserId, @Number);";
    private const string BumpTallySql = "UPDATE poll_tallies SET votes = votes + 1 WHERE poll_id = @Id AND number = @Number;";

    /// <summary>
    /// One ballot per person, checked and written in one write transaction. A named ballot is replaced by a new
    /// one; an anonymous ballot cannot be, since nothing records what it was.
    /// </summary>
    public Task<VoteOutcome> VoteAsync(long pollId, IReadOnlyList<int> choices, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) => Vote(c, tx, pollId, choices, ctx), ct);

    private static VoteOutcome Vote(IDbConnection c, IDbTransaction tx, long pollId, IReadOnlyList<int> choices, CommandContext ctx)
    {
        var poll = c.QuerySingleOrDefault<PollRow>(PollStateSql, new { Id = pollId }, tx);
        if (poll is null) return VoteOutcome.UnknownPoll;
        if (poll.IsClosed) return VoteOutcome.Closed;
        var voted = c.ExecuteScalar<long>(HasVotedSql, new { Id = pollId, ctx.UserId }, tx) > 0;

        if (poll.IsAnonymous)
        {
            if (voted) return VoteOutcome.AlreadyVotedAnonymously;
            c.Execute(InsertAnonymousVoterSql, new { Id = pollId, ctx.UserId }, tx);
            c.Execute(BumpTallySql, choices.Select(n => new { Id = pollId, Number = n }), tx);
        }
        else
        {
            c.Execute(UpsertVoterSql, new { Id = pollId, ctx.UserId, VotedAt = StoredTime.Format(ctx.Now) }, tx);
            c.Execute(ClearChoicesSql, new { Id = pollId, ctx.UserId }, tx);
            c.Execute(InsertChoiceSql, choices.Select(n => new { Id = pollId, ctx.UserId, Number = n }), tx);
        }
        return voted ? VoteOutcome.Replaced : VoteOutcome.Voted;
    }
}
