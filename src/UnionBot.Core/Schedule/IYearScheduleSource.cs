using UnionBot.Core.Plan;

namespace UnionBot.Core.Schedule;

/// <summary>The configured plan, read and turned into the announcements of the configured year.</summary>
/// <param name="Sha256">Hex hash of the plan file's bytes: the delivery scheduler re-syncs the outbox when it changes.</param>
public sealed record YearSchedule(string PlanPath, string Sha256, AnnualPlan Plan, int Year, IReadOnlyList<Announcement> Announcements);

/// <summary>
/// Reads <c>UnionBot:Plan:Path</c> and computes the year's schedule (<c>Plan:Year</c>, 0 = the current year in
/// <c>UnionBot:TimeZone</c>). Used at start, by the plan-file watcher and by the commands that show the plan.
/// </summary>
public interface IYearScheduleSource
{
    /// <summary>
    /// The last schedule loaded (loading it first if none was). A plan that cannot be read does not throw here: it is
    /// logged and gives the last good schedule, or an empty one (<see cref="YearSchedule.Sha256"/> "") when there never
    /// was a good reading.
    /// </summary>
    YearSchedule Current { get; }

    /// <summary>
    /// Reads the plan file again. When it cannot be read, the last good schedule stays (logged once per failure); throws
    /// <see cref="PlanReadException"/> only when there never was a good reading to keep.
    /// </summary>
    YearSchedule Reload();
}
