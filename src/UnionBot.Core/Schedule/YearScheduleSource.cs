using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnionBot.Core.Calendar;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Schedule;

/// <summary>
/// The configured plan file turned into this year's announcements. Every good read is recorded in <c>plan_loads</c>
/// with the file's hash, and the plan itself whenever it changed (<see cref="PlanLoads"/>). A read that fails — a
/// half-saved, broken or deleted file — keeps the last good schedule: published corrections if there are any, else the
/// last good reading of the file, from memory or, at start, from the database; the failure shows in
/// <see cref="LastError"/> (the plan health check). Only with no good reading ever is the schedule empty, so the bot runs
/// on and simply announces nothing.
/// </summary>
public sealed class YearScheduleSource(
    IOptions<UnionBotOptions> options, Database database, TimeProvider time, WorkingDays days, ILogger<YearScheduleSource> logger,
    PlanVersions? versions = null) : IYearScheduleSource
{
    private readonly Lock _gate = new();
    private readonly PlanLoads _loads = new(database);
    private volatile YearSchedule? _current;
    private volatile string? _lastError;
    private PlanReading? _lastGood;
    private int _attemptedYear;

    /// <summary>Why the last read failed, or null when it succeeded (shown by the health check).</summary>
    public string? LastError => _lastError;

    /// <summary>
    /// While the file cannot be read and the schedule comes from the last good reading of it (not from published
    /// corrections): that reading. Null otherwise.
    /// </summary>
    public PlanReading? InUseInstead { get; private set; }

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
        var now = time.GetUtcNow();
        var year = ScheduledYear.Of(options.Value, time.GetUtcNow());
        Volatile.Write(ref _attemptedYear, year);
        AnnualPlan plan;
        string sha256;
        try
        {
            var bytes = PlanReader.ReadBytes(o.Plan.Path);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            plan = Parse(bytes);
        }
        catch (PlanReadException e)
        {
            return _current = KeepLastGood(e, year);
        }
        File = (sha256, plan);
        _lastGood = new PlanReading(sha256, now, plan);
        (_lastError, InUseInstead) = (null, null);
        // Published corrections win over the file: the file's reading only becomes the schedule when the chair publishes it.
        Published = versions?.Latest();
        if (Published is { } published)
        {
            if (published.BasedOn != sha256)
                logger.LogWarning("The plan file {Path} changed after corrections were published (version {Version}); it waits as a draft in the console (/console/plan) and the published plan stays in use",
                    o.Plan.Path, published.Id);
            (plan, sha256) = (published.Plan, published.Hash);
        }
        var schedule = Build(plan, sha256, year);
        Record(schedule, TimeZoneInfo.ConvertTime(now, o.FindZone()), keepPlan: Published is null);
        foreach (var warning in plan.Warnings)
            logger.LogWarning("Annual plan {Path}: {Warning}", o.Plan.Path, warning);
        logger.LogInformation("Annual plan {Path} read: {Activities} activities, {Count} announcements for {Year} (sha256 {Sha256})",
            o.Plan.Path, plan.Activities.Count, schedule.Announcements.Count, year, sha256[..12]);
        return _current = schedule;
    }

    /// <summary>
    /// The schedule of <paramref name="year"/> from published corrections or the last good reading of the file, with one
    /// warning line per new failure; throws when there is neither.
    /// </summary>
    private YearSchedule KeepLastGood(PlanReadException e, int year)
    {
        var path = options.Value.Plan.Path;
        var newFailure = _lastError != e.Message;
        _lastError = e.Message;
        Published = versions?.Latest();
        if (Published is { } published)
        {
            InUseInstead = null;
            if (newFailure)
                logger.LogWarning("The annual plan {Path} cannot be read ({Reason}); the published corrections (version {Version}) stay the schedule",
                    path, e.Message, published.Id);
            return SameOrBuilt(published.Plan, published.Hash, year);
        }
        var good = _lastGood ??= ReadLastGood(path);
        if (good is null)
        {
            InUseInstead = null;
            // A schedule of another year is no fallback.
            if (_current is null || _current.Year != year)
                _current = new YearSchedule(path, "", AnnualPlan.Empty, year, []);
            throw e;
        }
        InUseInstead = good;
        if (newFailure)
            logger.LogWarning("The annual plan {Path} cannot be read ({Reason}); the schedule stays the last good reading of it, of {ReadAt:yyyy-MM-dd HH:mm} UTC ({Activities} activities, sha256 {Sha256}), until the file can be read again",
                path, e.Message, good.ReadAt, good.Plan.Activities.Count, good.Sha256[..Math.Min(12, good.Sha256.Length)]);
        return SameOrBuilt(good.Plan, good.Sha256, year);
    }

    private YearSchedule SameOrBuilt(AnnualPlan plan, string sha256, int year) =>
        _current is { } current && current.Year == year && current.Sha256 == sha256 ? current : Build(plan, sha256, year);

    private YearSchedule Build(AnnualPlan plan, string sha256, int year)
    {
        var o = options.Value;
        return new YearSchedule(o.Plan.Path, sha256, plan, year, ScheduleBuilder.Build(plan, year, o.Schedule, o.FindZone(), days));
    }

    private PlanReading? ReadLastGood(string path)
    {
        try
        {
            return _loads.LastGood(path);
        }
        catch (SqliteException e)
        {
            logger.LogError("Could not read the last good plan from plan_loads: {Reason}", e.Message);
            return null;
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
    private void Record(YearSchedule schedule, DateTimeOffset loadedAt, bool keepPlan)
    {
        try
        {
            _loads.Record(schedule, loadedAt, keepPlan);
        }
        catch (SqliteException e)
        {
            logger.LogError("Could not record the plan load in plan_loads: {Reason}", e.Message);
        }
    }
}
