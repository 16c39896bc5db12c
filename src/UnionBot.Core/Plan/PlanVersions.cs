using System.Security.Cryptography;
using System.Text;
using Dapper;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Plan;

/// <summary>A published correction of the plan: the activities the schedule is built from, and the file they came from.</summary>
public sealed record PlanVersion(long Id, string PublishedAt, string PublishedBy, string BasedOn, AnnualPlan Plan)
{
    /// <summary>Stands in for the file's hash in the schedule, so that each publication re-syncs the outbox.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"v{Id}:{BasedOn}")));
}

/// <summary>The <c>plan_versions</c> table: corrections are published as whole new versions, never edited in place.</summary>
public sealed class PlanVersions(Database database)
{
    private const string LatestSql = """
        SELECT id AS Id, published_at AS PublishedAt, published_by AS PublishedBy, based_on AS BasedOn, plan_json AS PlanJson
        FROM plan_versions ORDER BY id DESC LIMIT 1;
        """;
    private const string CountSql = "SELECT COUNT(*) FROM plan_versions;";
    private const string InsertSql = """
        INSERT INTO plan_versions (published_at, published_by, based_on, plan_json) VALUES (@At, @By, @BasedOn, @Json) RETURNING id;
        """;

    /// <summary>The newest publication, or null while the plan file is the source. Synchronous: the schedule source reads it under its lock.</summary>
    public PlanVersion? Latest()
    {
        using var c = database.Open();
        var row = c.QuerySingleOrDefault<Row>(LatestSql);
        return row is null ? null : new PlanVersion(row.Id, row.PublishedAt, row.PublishedBy, row.BasedOn,
            PlanJson.Deserialize(row.PlanJson));
    }

    public long Count()
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>(CountSql);
    }

    /// <summary>Stores <paramref name="plan"/> as the new source of the schedule; audited in the same transaction.</summary>
    public Task<long> PublishAsync(AnnualPlan plan, string basedOn, CommandContext ctx, CancellationToken ct)
    {
        var row = new { At = StoredTime.Format(ctx.Now), By = ctx.UserId, BasedOn = basedOn, Json = PlanJson.Serialize(plan) };
        return database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            var id = c.ExecuteScalar<long>(InsertSql, row, tx);
            AuditLog.Record(c, tx, ctx, "publish-plan", $"version {id}: {plan.Activities.Count} activities");
            return id;
        }, ct);
    }

    private sealed record Row
    {
        public long Id { get; init; }
        public string PublishedAt { get; init; } = "";
        public string PublishedBy { get; init; } = "";
        public string BasedOn { get; init; } = "";
        public string PlanJson { get; init; } = "";
    }
}
