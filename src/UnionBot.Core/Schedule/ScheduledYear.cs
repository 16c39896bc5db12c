using UnionBot.Core.Calendar;
using UnionBot.Core.Options;

namespace UnionBot.Core.Schedule;

/// <summary>Which year is scheduled, for the bot and for <c>plan schedule</c> alike.</summary>
public static class ScheduledYear
{
    /// <summary>
    /// <c>Plan:Year</c> when set; otherwise the current year in the union's zone, so the new year starts at midnight
    /// in Shanghai, not eight hours later in UTC.
    /// </summary>
    public static int Of(UnionBotOptions options, DateTimeOffset now) =>
        options.Plan.Year != 0 ? options.Plan.Year : ZonedTime.DateIn(now, options.FindZone()).Year;
}
