namespace UnionBot.Core.Calendar;

/// <summary>Wall-clock times in the configured zone, as instants with that zone's offset.</summary>
public static class ZonedTime
{
    /// <summary>
    /// <paramref name="date"/> at <paramref name="time"/> in <paramref name="zone"/>. A time skipped by a daylight-saving
    /// jump is moved past the gap, and a time that happens twice is the first one: a notice is never dropped or doubled.
    /// (Asia/Shanghai has neither today, but the zone is configurable.)
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        for (var i = 0; i < 8 && zone.IsInvalidTime(local); i++)
            local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The wall-clock date in <paramref name="zone"/> of an instant.</summary>
    public static DateOnly DateIn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
