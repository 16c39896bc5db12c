using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Schedule;

/// <summary>
/// The configured plan file turned into this year's announcements. Every read is recorded in <c>plan_loads</c> with the
/// file's hash. A read that fails keeps the last good schedule of that year (a half-saved file must not wipe the year);
/// without one the schedule is empty, so the bot runs on and simply announces nothing.
/// </summary>
public sealed class YearScheduleSource(
    IOptions<UnionBotOptions> options, Database database, TimeProvider time, WorkingDays days, ILogger<YearScheduleSource> logger,
    PlanVersions? versions = null) : IYearScheduleSource
{
    private const string InsertLoad = """
        INSERT INTO plan_loads (path, sha256, loaded_at, year, activities, warnings)
        VALUES (@Path, @Sha256, @LoadedAt, @Year, @Activities, @Warnings)
        """;

    private static readonly JsonSerializerOptions WarningsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private volatile YearSchedule? _current;
    private volatile string? _lastError;
    private int _attemptedYear;

    /// <summary>Why the last read failed, or null when it succeeded (shown by the health check).</summary>
    public string? LastError => _lastError;

    /// <summary>
    /// The plan file as last read, whatever the source of the schedule; with <see cref="Published"/> set and a different
    /// hash, the file is a draft waiting for the chair in the console.
    /// </summary>
    public (string Sha256, AnnualPlan Plan)? File { get; private set; }

    /// <summary>The chair's published corrections the schedule is built from, or null while the file is the source.</summary>
    public PlanVersion? Published { get; private set; }

    /// <summary>The plan file changed after the corrections were published: it waits in the console as a draft.</summary>
    public bool DraftWaiting => Published is { } p && File is { } f && f.Sha256 != p.BasedOn;

    /// <summary>
    /// With <c>Plan:Year</c> 0 the schedule follows the calendar: the first call after New Year in the zone reads the
    /// plan again for the new year. A failed read is not retried on every call, only on the next year or Reload.
    /// </summary>
    public YearSchedule Current
    {
        get
        {
            if (_current is { } current && Volatile.Read(ref _attemptedYear) == ScheduledYear.Of(options.Value, time.GetUtcNow())) return current;
            lock (_gate)
            {
                if (_current is { } loaded && _attemptedYear == ScheduledYear.Of(options.Value, time.GetUtcNow())) return loaded;
                try
                {
                    return LoadLocked();
                }
                catch (PlanReadException e)
                {
                    logger.LogError("The annual plan {Path} cannot be read: {Reason}. The bot runs on, but no announcements are scheduled until it is fixed",
                        options.Value.Plan.Path, e.Message);
                    return _current!;
                }
            }
        }
    }

    public YearSchedule Reload()
    {
        lock (_gate) return LoadLocked();
    }

    private YearSchedule LoadLocked()
    {
        var o = options.Value;
        var zone = o.Zone;
        var now = time.GetUtcNow();
        var year = ScheduledYear.Of(options.Value, time.GetUtcNow());
        Volatile.Write(ref _attemptedYear, year);
        try
        {
            var bytes = PlanReader.ReadBytes(o.Plan.Path);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var plan = Parse(bytes);
            File = (sha256, plan);
            // Published corrections win over the file: the file's reading only becomes the schedule when the chair publishes it.
            Published = versions?.Latest();
            if (Published is { } published)
            {
                if (published.BasedOn != sha256)
                    logger.LogWarning("The plan file {Path} changed after corrections were published (version {Version}); it waits as a draft in the console (/console/plan) and the published plan stays in use",
                        o.Plan.Path, published.Id);
                (plan, sha256) = (published.Plan, published.Hash);
            }
            var schedule = new YearSchedule(o.Plan.Path, sha256, plan, year, ScheduleBuilder.Build(plan, year, o.Schedule, zone, days));
            Record(schedule, TimeZoneInfo.ConvertTime(now, zone));
            foreach (var warning in plan.Warnings)
                logger.LogWarning("Annual plan {Path}: {Warning}", o.Plan.Path, warning);
            logger.LogInformation("Annual plan {Path} read: {Activities} activities, {Count} announcements for {Year} (sha256 {Sha256})",
                o.Plan.Path, plan.Activities.Count, schedule.Announcements.Count, year, sha256[..12]);
            _lastError = null;
            return _current = schedule;
        }
        catch (PlanReadException e)
        {
            _lastError = e.Message;
            // Keep the last good schedule of this year; a schedule of another year is no fallback.
            if (_current is null || _current.Year != year)
                _current = new YearSchedule(o.Plan.Path, "", AnnualPlan.Empty, year, []);
            throw;
        }
    }

    /// <summary>A reader bug must not stop the bot: it is logged with its stack and treated as an unreadable plan.</summary>
    private AnnualPlan Parse(byte[] bytes)
    {
        try
        {
            return PlanReader.Read(bytes, options.Value.Plan.Path);
        }
        catch (Exception e) when (e is not PlanReadException)
        {
            logger.LogError(e, "The plan reader failed on {Path}", options.Value.Plan.Path);
            throw new PlanReadException($"the plan reader failed: {e.GetType().Name}");
        }
    }

    /// <summary>The record is for the delivery scheduler and for people; failing to write it does not undo the read.</summary>
    private void Record(YearSchedule schedule, DateTimeOffset loadedAt)
    {
        try
        {
            var row = new
            {
                Path = schedule.PlanPath,
                schedule.Sha256,
                LoadedAt = StoredTime.Format(loadedAt),
                schedule.Year,
                Activities = schedule.Plan.Activities.Count,
                Warnings = JsonSerializer.Serialize(schedule.Plan.Warnings, WarningsJson),
            };
            // Called from a synchronous read of the plan, never on the writer's own thread.
            database.Writes.RunAsync((connection, tx) => connection.Execute(InsertLoad, row, tx)).GetAwaiter().GetResult();
        }
        catch (SqliteException e)
        {
            logger.LogError("Could not record the plan load in plan_loads: {Reason}", e.Message);
        }
    }
}
