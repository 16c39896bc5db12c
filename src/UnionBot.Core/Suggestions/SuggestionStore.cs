using Dapper;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Suggestions;

public sealed record SuggestionRow
{
    public string Receipt { get; init; } = "";
    public string ChannelId { get; init; } = "";
    public string Text { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public bool Anonymous { get; init; }
    /// <summary>Null for an anonymous suggestion.</summary>
    public string? AuthorId { get; init; }
    public string? Reply { get; init; }
    public string? RepliedAt { get; init; }
}

/// <summary>Suggestions with receipts <c>JY-&lt;year&gt;-&lt;seq&gt;</c>, numbered per year inside one write transaction.</summary>
public sealed class SuggestionStore(Database database)
{
    private const string NextSeqSql = "SELECT COALESCE(MAX(seq), 0) + 1 FROM suggestions WHERE year = @Year;";
    private const string InsertSql = """
        INSERT INTO suggestions (receipt, year, seq, user_id, channel_id, text, created_at)
        VALUES (@Receipt, @Year, @Seq, @UserId, @ChannelId, @Text, @CreatedAt);
        """;
    private const string SelectColumns = """
        SELECT receipt AS Receipt, channel_id AS ChannelId, text AS Text, created_at AS CreatedAt,
               user_id IS NULL AS Anonymous, user_id AS AuthorId, reply AS Reply, replied_at AS RepliedAt
        FROM suggestions
        """;
    private const string ByReceiptSql = SelectColumns + " WHERE receipt = @Receipt;";
    private const string LatestSql = SelectColumns + " ORDER BY id DESC LIMIT @Limit;";
    private const string AllSql = SelectColumns + " ORDER BY id DESC LIMIT @Limit;";
    private const string ReplySql = "UPDATE suggestions SET reply = @Reply, replied_at = @RepliedAt WHERE receipt = @Receipt;";

    /// <summary>Stores the suggestion; <paramref name="userId"/> null for an anonymous one (then no id is written anywhere).</summary>
    public Task<string> AddAsync(string? userId, string channelId, string text, DateTimeOffset now, MessageClaim? claim, CancellationToken ct) =>
        database.Writes.RunAsync(claim, (c, tx) =>
        {
            var seq = c.ExecuteScalar<long>(NextSeqSql, new { now.Year }, tx);
            var receipt = $"JY-{now.Year}-{seq:D4}";
            c.Execute(InsertSql, new
            {
                Receipt = receipt, now.Year, Seq = seq, UserId = userId, ChannelId = channelId, Text = text, CreatedAt = StoredTime.Format(now),
            }, tx);
            return receipt;
        }, ct);

    public async Task<SuggestionRow?> FindAsync(string receipt, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<SuggestionRow>(new CommandDefinition(ByReceiptSql, new { Receipt = receipt }, cancellationToken: ct));
    }

    public Task<IReadOnlyList<SuggestionRow>> LatestAsync(int limit, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync<IReadOnlyList<SuggestionRow>>(ctx.Claim, (c, tx) =>
        {
            var rows = c.Query<SuggestionRow>(LatestSql, new { Limit = limit }, tx).ToList();
            AuditLog.Record(c, tx, ctx, "list-suggestions", $"看了 {rows.Count} 条");
            return rows;
        }, ct);

    /// <summary>The newest suggestions for the console (reading is not audited; replying is).</summary>
    public async Task<IReadOnlyList<SuggestionRow>> AllAsync(int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<SuggestionRow>(new CommandDefinition(AllSql, new { Limit = limit }, cancellationToken: ct))).ToList();
    }

    public Task<bool> ReplyAsync(string receipt, string reply, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            var updated = c.Execute(ReplySql, new { Receipt = receipt, Reply = reply, RepliedAt = StoredTime.Format(ctx.Now) }, tx) == 1;
            if (updated) AuditLog.Record(c, tx, ctx, "reply-suggestion", receipt);
            return updated;
        }, ct);
}
