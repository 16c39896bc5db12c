using Dapper;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Polls;

public sealed record PollRow
{
    public long Id { get; init; }
    public string Question { get; init; } = "";
    public bool IsMulti { get; init; }
    public bool IsAnonymous { get; init; }
    public string CreatorId { get; init; } = "";
    public string? ClosedAt { get; init; }
    public bool IsClosed => ClosedAt is not null;
}

public sealed record OptionCount(long Number, string Text, long Votes);

public enum VoteOutcome { Voted, Replaced, AlreadyVotedAnonymously, UnknownPoll, Closed }

/// <summary>
/// Polls. A named poll keeps who chose what (poll_choices) so a new vote replaces the old; an anonymous poll keeps
/// who voted (poll_voters) and bare counters (poll_tallies) with nothing linking the two.
/// </summary>
public sealed partial class PollStore(Database database)
{
    private const string SelectPoll = """
        SELECT id AS Id, question AS Question, is_multi AS IsMulti, is_anonymous AS IsAnonymous,
               creator_id AS CreatorId, closed_at AS ClosedAt
        FROM polls
        """;
    private const string ByIdSql = SelectPoll + " WHERE id = @Id;";
    private const string AllSql = SelectPoll + " ORDER BY id DESC LIMIT @Limit;";
    private const string NewestSql = SelectPoll + " WHERE channel_id = @ChannelId ORDER BY id DESC LIMIT 1;";
    private const string InsertPollSql = """
        INSERT INTO polls (question, is_multi, is_anonymous, creator_id, channel_id, created_at)
        VALUES (@Question, @IsMulti, @IsAnonymous, @CreatorId, @ChannelId, @CreatedAt)
        RETURNING id;
        """;
    private const string InsertOptionSql = "INSERT INTO poll_options (poll_id, number, text) VALUES (@PollId, @Number, @Text);";
    private const string InsertTallySql = "INSERT INTO poll_tallies (poll_id, number, votes) VALUES (@PollId, @Number, 0);";
    private const string CountsSql = """
        SELECT o.number AS Number, o.text AS Text,
               CASE WHEN p.is_anonymous = 1
                    THEN COALESCE((SELECT t.votes FROM poll_tallies t WHERE t.poll_id = o.poll_id AND t.number = o.number), 0)
                    ELSE (SELECT COUNT(*) FROM poll_choices c WHERE c.poll_id = o.poll_id AND c.number = o.number) END AS Votes
        FROM poll_options o JOIN polls p ON p.id = o.poll_id
        WHERE o.poll_id = @Id ORDER BY o.number;
        """;
    private const string VotersSql = "SELECT COUNT(*) FROM poll_voters WHERE poll_id = @Id;";
    private const string CloseSql = "UPDATE polls SET closed_at = @ClosedAt, closed_by = @ClosedBy WHERE id = @Id AND closed_at IS NULL;";

    public Task<long> CreateAsync(Command.CreatePoll poll, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            var id = c.ExecuteScalar<long>(InsertPollSql, new
            {
                poll.Question, IsMulti = poll.Multi, IsAnonymous = poll.Anonymous, CreatorId = ctx.UserId, ctx.ChannelId,
                CreatedAt = StoredTime.Format(ctx.Now),
            }, tx);
            var options = poll.Options.Select((text, i) => new { PollId = id, Number = i + 1, Text = text }).ToList();
            c.Execute(InsertOptionSql, options, tx);
            if (poll.Anonymous) c.Execute(InsertTallySql, options, tx);
            return id;
        }, ct);

    /// <summary>The poll <paramref name="id"/>, or with null the newest poll of the channel.</summary>
    public async Task<PollRow?> FindAsync(long? id, string channelId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return id is { } n
            ? await c.QuerySingleOrDefaultAsync<PollRow>(new CommandDefinition(ByIdSql, new { Id = n }, cancellationToken: ct))
            : await c.QuerySingleOrDefaultAsync<PollRow>(new CommandDefinition(NewestSql, new { ChannelId = channelId }, cancellationToken: ct));
    }

    /// <summary>The newest polls of every channel, newest first.</summary>
    public async Task<IReadOnlyList<PollRow>> LatestAsync(int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<PollRow>(new CommandDefinition(AllSql, new { Limit = limit }, cancellationToken: ct))).ToList();
    }

    public async Task<(IReadOnlyList<OptionCount> Options, long Voters)> CountAsync(long id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var options = (await c.QueryAsync<OptionCount>(new CommandDefinition(CountsSql, new { Id = id }, cancellationToken: ct))).ToList();
        var voters = await c.ExecuteScalarAsync<long>(new CommandDefinition(VotersSql, new { Id = id }, cancellationToken: ct));
        return (options, voters);
    }

    public Task<bool> CloseAsync(PollRow poll, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            var closed = c.Execute(CloseSql, new { poll.Id, ClosedAt = StoredTime.Format(ctx.Now), ClosedBy = ctx.UserId }, tx) == 1;
            if (closed && ctx.IsAdmin)
                AuditLog.Record(c, tx, ctx, "close-poll", $"#{poll.Id}");
            return closed;
        }, ct);
}
