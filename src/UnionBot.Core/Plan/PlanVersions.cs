using System.Security.Cryptography;
using System.Text;
using Dapper;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Plan;

/// <summary>A published correction of the plan: the activities the schedule is built from, and the file they came from.</summary>
/// <param name="UploadId">The console upload whose text the activities were read from; null: the configured plan file's.</param>
public sealed record PlanVersion(long Id, string PublishedAt, string PublishedBy, string BasedOn, AnnualPlan Plan, long? UploadId = null)
{
    /// <summary>Stands in for the file's hash in the schedule, so that each publication re-syncs the outbox.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"v{Id}:{BasedOn}")));
}

/// <summary>The <c>plan_versions</c> table: corrections are published as whole new versions, never edited in place.</summary>
public sealed class PlanVersions(Database database)
{
    private const string LatestSql = """
        SELECT id AS Id, published_at AS PublishedAt, published_by AS PublishedBy, based_on AS BasedOn, plan_json AS PlanJson,
               upload_id AS UploadId
        FROM plan_versions ORDER BY id DESC LIMIT 1;
        """;
    private const string HistorySql = """
        SELECT v.id AS Id, v.published_at AS PublishedAt, v.published_by AS PublishedBy, v.note AS Note,
               json_array_length(v.plan_json, '$.Activities') AS Activities, u.file_name AS FileName
        FROM plan_versions v LEFT JOIN plan_uploads u ON u.id = v.upload_id
        ORDER BY v.id DESC LIMIT @Limit;
        """;
    private const string PublishDraftSql = "UPDATE plan_uploads SET state = 'published' WHERE id = @Id AND state = 'draft';";
    private const string CountSql = "SELECT COUNT(*) FROM plan_versions;";
    private const string InsertSql = """
        INSERT INTO plan_versions (published_at, published_by, based_on, plan_json, upload_id, note)
        VALUES (@At, @By, @BasedOn, @Json, @UploadId, @Note) RETURNING id;
        """;

    /// <summary>The newest publication, or null while the plan file is the source. Synchronous: the schedule source reads it under its lock.</summary>
    /// <remarks>Read with ADO.NET (<see cref="AdoStatements"/>): every start and every plan sync asks it.</remarks>
    public PlanVersion? Latest()
    {
        using var c = database.Open();
        return c.QueryAdo(LatestSql, null, r => new PlanVersion(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
            PlanJson.Deserialize(r.GetString(4)), r.IsDBNull(5) ? null : r.GetInt64(5))).FirstOrDefault();
    }

    /// <summary>The newest publications first: when, by whom, how many activities, from which upload.</summary>
    public IReadOnlyList<PlanVersionSummary> History(int limit = 50)
    {
        using var c = database.Open();
        return c.Query<PlanVersionSummary>(HistorySql, new { Limit = limit }).ToList();
    }

    public long Count()
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>(CountSql);
    }

    /// <summary>Stores <paramref name="plan"/> as the new source of the schedule; audited in the same transaction.</summary>
    /// <param name="source">
    /// Where the text came from: the upload the activities were read from or corrected on (null: the plan file), and
    /// whether this publication is that upload's draft being published (then 0 is returned, and nothing stored, when the
    /// draft was published or discarded meanwhile).
    /// </param>
    public Task<long> PublishAsync(AnnualPlan plan, string basedOn, CommandContext ctx, CancellationToken ct, PublishSource? source = null)
    {
        source ??= PublishSource.Edit(null);
        var row = new
        {
            At = StoredTime.Format(ctx.Now), By = ctx.UserId, BasedOn = basedOn, Json = PlanJson.Serialize(plan),
            source.UploadId, source.Note,
        };
        return database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            if (source.PublishesDraft && c.Execute(PublishDraftSql, new { Id = source.UploadId }, tx) == 0) return 0L;
            var id = c.ExecuteScalar<long>(InsertSql, row, tx);
            AuditLog.Record(c, tx, ctx, "publish-plan", $"第 {id} 版：{plan.Activities.Count} 项活动（{source.Note}）");
            return id;
        }, ct);
    }
}

/// <summary>Where a publication's activities come from, and what the version history says about it.</summary>
public sealed record PublishSource(long? UploadId, bool PublishesDraft, string Note)
{
    /// <summary>The chair's corrections of the rows, on top of the text of <paramref name="uploadId"/> (null: the plan file).</summary>
    public static PublishSource Edit(long? uploadId) => new(uploadId, false, "修改活动");

    public static PublishSource File() => new(null, false, "采用计划文件");

    public static PublishSource Upload(long uploadId, string fileName) => new(uploadId, true, $"发布上传的 {fileName}");
}

/// <summary>One row of the version history.</summary>
public sealed record PlanVersionSummary
{
    public long Id { get; init; }
    public string PublishedAt { get; init; } = "";
    public string PublishedBy { get; init; } = "";
    public string Note { get; init; } = "";
    public long Activities { get; init; }
    public string? FileName { get; init; }
}
