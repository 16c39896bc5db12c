using UnionBot.Core.Options;
using UnionBot.Core.Plan;

namespace UnionBot.Core.Schedule;

// PLACEHOLDER (skeleton): replaced by the schedule work before anything lands.
public static class ScheduleBuilder
{
    public static IReadOnlyList<Announcement> Build(AnnualPlan plan, int year, ScheduleOptions options, TimeZoneInfo zone) =>
        throw new NotImplementedException();
}
