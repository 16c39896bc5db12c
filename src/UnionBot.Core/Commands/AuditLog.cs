using UnionBot.Core.Storage;
using System.Data;
using Dapper;

namespace UnionBot.Core.Commands;

/// <summary>Every admin action (who, what, when), written in the same transaction as the action itself.</summary>
public static class AuditLog
{
    private const string InsertSql = """
        INSERT INTO audit_log (at, user_id, action, detail) VALUES (@At, @UserId, @Action, @Detail);
        """;

    private const string LatestSql = """
        SELECT id AS Id, at AS At, user_id AS UserId, action AS Action, detail AS Detail FROM audit_log ORDER BY id DESC LIMIT @Limit;
        """;

    public static async Task<IReadOnlyList<AuditEntry>> LatestAsync(IDbConnection connection, int limit) =>
        (await connection.QueryAsync<AuditEntry>(LatestSql, new { Limit = limit })).ToList();

    public static void Record(IDbConnection connection, IDbTransaction tx, CommandContext ctx, string action, string detail) =>
        connection.Execute(InsertSql, new { At = StoredTime.Format(ctx.Now), ctx.UserId, Action = action, Detail = detail }, tx);
}

public sealed record AuditEntry
{
    public long Id { get; init; }
    public string At { get; init; } = "";
    public string UserId { get; init; } = "";
    public string Action { get; init; } = "";
    public string Detail { get; init; } = "";
}
