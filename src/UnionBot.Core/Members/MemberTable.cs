using Dapper;
using Microsoft.Data.Sqlite;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Members;

/// <summary>The last roster import: when, by whom, from which file.</summary>
public sealed record MemberImport(long Id, string ImportedAt, string ImportedBy, string FileName, long Members);

/// <summary>The <c>members</c> and <c>member_imports</c> tables: the roster the chair imported in the console.</summary>
public static class MemberTable
{
    private const string LastImportSql = """
        SELECT id AS Id, imported_at AS ImportedAt, imported_by AS ImportedBy, file_name AS FileName, members AS Members
        FROM member_imports ORDER BY id DESC LIMIT 1;
        """;
    private const string MembersSql = "SELECT user_id AS UserId, name AS Name, branch AS Branch FROM members ORDER BY position;";
    private const string ClearSql = "DELETE FROM members;";
    private const string InsertMemberSql = "INSERT INTO members (user_id, name, branch, position) VALUES (@UserId, @Name, @Branch, @Position);";
    private const string InsertImportSql = """
        INSERT INTO member_imports (imported_at, imported_by, file_name, members) VALUES (@At, @By, @FileName, @Members) RETURNING id;
        """;

    /// <summary>The imported roster, or null while no import was ever made (the <c>Members</c> file is the source).</summary>
    public static (MemberImport Import, IReadOnlyList<Member> Members)? Load(Database database)
    {
        using var c = database.Open();
        if (c.QuerySingleOrDefault<MemberImport>(LastImportSql) is not { } last) return null;
        return (last, c.Query<Member>(MembersSql).ToList());
    }

    /// <summary>Replaces the whole roster with <paramref name="members"/> in one transaction, audited with the admin's id.</summary>
    public static Task<MemberImport> ReplaceAsync(Database database, IReadOnlyList<Member> members, string fileName, string summary,
        CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            c.Execute(ClearSql, transaction: tx);
            c.Execute(InsertMemberSql, members.Select((m, i) => new { m.UserId, m.Name, m.Branch, Position = i }), tx);
            var at = StoredTime.Format(ctx.Now);
            var id = c.ExecuteScalar<long>(InsertImportSql, new { At = at, By = ctx.UserId, FileName = fileName, Members = members.Count }, tx);
            AuditLog.Record(c, tx, ctx, "import-members", $"{fileName}：{members.Count} 人（{summary}）");
            return new MemberImport(id, at, ctx.UserId, fileName, members.Count);
        }, ct);

    internal static bool IsMissingTable(SqliteException e) => e.SqliteErrorCode == 1 && e.Message.Contains("no such table", StringComparison.Ordinal);
}
