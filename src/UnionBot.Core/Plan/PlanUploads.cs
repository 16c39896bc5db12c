using System.Security.Cryptography;
using Dapper;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Plan;

/// <summary>A plan file uploaded in the console: a draft until it is published or discarded.</summary>
public sealed record PlanUpload(long Id, string UploadedAt, string UploadedBy, string FileName, string Sha256, byte[] Content, string State)
{
    public bool IsDraft => State == PlanUploads.Draft;
}

/// <summary>
/// The <c>plan_uploads</c> table. One draft at a time: a new upload replaces the draft before it (discarded), so the
/// chair never has to choose between two waiting plans.
/// </summary>
public sealed class PlanUploads(Database database)
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Discarded = "discarded";

    private const string Columns = """
        id AS Id, uploaded_at AS UploadedAt, uploaded_by AS UploadedBy, file_name AS FileName, sha256 AS Sha256, content AS Content, state AS State
        """;
    private const string DraftSql = $"SELECT {Columns} FROM plan_uploads WHERE state = 'draft' ORDER BY id DESC LIMIT 1;";
    private const string FindSql = $"SELECT {Columns} FROM plan_uploads WHERE id = @Id;";
    private const string DiscardDraftsSql = "UPDATE plan_uploads SET state = 'discarded' WHERE state = 'draft';";
    private const string InsertSql = """
        INSERT INTO plan_uploads (uploaded_at, uploaded_by, file_name, sha256, content) VALUES (@At, @By, @FileName, @Sha256, @Content) RETURNING id;
        """;
    private const string DiscardSql = "UPDATE plan_uploads SET state = 'discarded' WHERE id = @Id AND state = 'draft';";

    /// <summary>The draft waiting for the chair, if any.</summary>
    public PlanUpload? CurrentDraft()
    {
        using var c = database.Open();
        return c.QuerySingleOrDefault<PlanUpload>(DraftSql);
    }

    public PlanUpload? Find(long id)
    {
        using var c = database.Open();
        return c.QuerySingleOrDefault<PlanUpload>(FindSql, new { Id = id });
    }

    /// <summary>Stores <paramref name="content"/> as the draft (an earlier draft is discarded); audited.</summary>
    public Task<long> AddAsync(byte[] content, string fileName, int activities, CommandContext ctx, CancellationToken ct)
    {
        var row = new
        {
            At = StoredTime.Format(ctx.Now), By = ctx.UserId, FileName = fileName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
        };
        return database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            c.Execute(DiscardDraftsSql, transaction: tx);
            var id = c.ExecuteScalar<long>(InsertSql, row, tx);
            AuditLog.Record(c, tx, ctx, "upload-plan", $"草稿 {id}：{fileName}，{activities} 项活动");
            return id;
        }, ct);
    }

    /// <summary>Drops the draft; false when it is no longer a draft (published or discarded meanwhile).</summary>
    public Task<bool> DiscardAsync(long id, CommandContext ctx, CancellationToken ct) =>
        database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            if (c.Execute(DiscardSql, new { Id = id }, tx) == 0) return false;
            AuditLog.Record(c, tx, ctx, "discard-plan", $"草稿 {id}");
            return true;
        }, ct);
}
