using Microsoft.Data.Sqlite;
using UnionBot.Core.Plan;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Schedule;

/// <summary>A good reading of the plan file kept in the database: its hash, when it was read, and the plan.</summary>
public sealed record PlanReading(string Sha256, DateTimeOffset ReadAt, AnnualPlan Plan);

/// <summary>
/// The <c>plan_loads</c> table: one row per good read of the plan. The plan itself is kept whenever it differs from the
/// last one kept for that path, so that a bot whose plan file was deleted or broken runs on, and starts, with the last
/// good reading.
/// </summary>
public sealed class PlanLoads(Database database)
{
    private const string InsertSql = """
        INSERT INTO plan_loads (path, sha256, loaded_at, year, activities, warnings, plan_json)
        VALUES (@Path, @Sha256, @LoadedAt, @Year, @Activities, @Warnings, @PlanJson)
        """;

    private const string LastKeptSql = """
        SELECT sha256 FROM plan_loads WHERE path = @Path AND plan_json IS NOT NULL ORDER BY id DESC LIMIT 1
        """;

    private const string LastGoodSql = """
        SELECT sha256, loaded_at, plan_json FROM plan_loads
        WHERE path = @Path AND plan_json IS NOT NULL ORDER BY id DESC LIMIT 1
        """;

    private const string AnySourceSql = """
        SELECT EXISTS (SELECT 1 FROM plan_loads WHERE path = @Path AND plan_json IS NOT NULL)
            OR EXISTS (SELECT 1 FROM plan_versions)
        """;

    /// <summary>
    /// Records a read of the plan that gave <paramref name="schedule"/>; with <paramref name="keepPlan"/> (the file was
    /// the source, not published corrections) the plan is kept too unless the last one kept has the same hash.
    /// </summary>
    /// <remarks>
    /// The plan is turned into JSON only when it is kept: a bot restarted on an unchanged file (every start but the
    /// first) then builds no JSON metadata for the plan's records at all (README, "Start-up and memory").
    /// </remarks>
    public void Record(YearSchedule schedule, DateTimeOffset loadedAt, bool keepPlan)
    {
        var path = schedule.PlanPath;
        var warnings = PlanJson.SerializeWarnings(schedule.Plan.Warnings);
        // Called from a synchronous read of the plan, never on the writer's own thread.
        database.Writes.RunAsync((connection, tx) =>
        {
            var kept = keepPlan ? connection.ExecuteScalarAdo(LastKeptSql, tx, ("@Path", path)) as string : null;
            var planJson = keepPlan && kept != schedule.Sha256 ? PlanJson.Serialize(schedule.Plan) : null;
            return connection.ExecuteAdo(InsertSql, tx, ("@Path", path), ("@Sha256", schedule.Sha256), ("@LoadedAt", StoredTime.Format(loadedAt)),
                ("@Year", schedule.Year), ("@Activities", schedule.Plan.Activities.Count), ("@Warnings", warnings), ("@PlanJson", planJson));
        }).GetAwaiter().GetResult();
    }

    /// <summary>The newest reading of <paramref name="path"/> kept whole, or null.</summary>
    public PlanReading? LastGood(string path)
    {
        using var connection = database.Open();
        return connection.QueryAdo(LastGoodSql, null, r => new PlanReading(r.GetString(0), StoredTime.Parse(r.GetString(1)),
            PlanJson.Deserialize(r.GetString(2))), ("@Path", path)).FirstOrDefault();
    }

    /// <summary>
    /// Whether the database at <paramref name="connectionString"/> holds something to schedule from without the plan file
    /// <paramref name="path"/>: a reading of it kept whole, or published corrections. Opened read-only; no database, an
    /// older schema or an unreadable file is false. For the check at start, before the database is migrated.
    /// </summary>
    public static bool CanStartWithout(string connectionString, string path)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || !File.Exists(builder.DataSource)) return false;
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            return connection.ExecuteScalarAdo(AnySourceSql, null, ("@Path", path)) is long and not 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
