using System.Data;
using Dapper;

namespace UnionBot.Core.Commands;

/// <summary>Every admin action (who, what, when), written in the same transaction as the action itself.</summary>
public static class AuditLog
{
    private const string InsertSql = """
        INSERT INTO audit_log (at, user_id, action, detail) VALUES (@At, @UserId, @Action, @Detail);
        """;

    public static Task RecordAsync(IDbConnection connection, IDbTransaction? tx, CommandContext ctx, string action, string detail) =>
        connection.ExecuteAsync(InsertSql, new { At = IsoTime.Format(ctx.Now), ctx.UserId, Action = action, Detail = detail }, tx);
}
