using UnionBot.Core.Callbacks;

namespace UnionBot.Core.Commands;

/// <summary>Who asked, when, and in which zone: what every handler needs besides its command.</summary>
/// <param name="Now">The current instant in the configured zone (its offset is the zone's).</param>
/// <param name="Claim">The message id, written with the command's first write (null for the local page).</param>
public sealed record CommandContext(IncomingMessage Message, bool IsAdmin, DateTimeOffset Now, TimeZoneInfo Zone, MessageClaim? Claim = null)
{
    /// <summary>The first instant after <paramref name="date"/> ends in the configured zone (a deadline "截止12月1日" ends there).</summary>
    public DateTimeOffset EndOf(DateOnly date)
    {
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The calendar day an instant falls on in the configured zone.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    public string UserId => Message.UserId;
    public string ChannelId => Message.ChannelId;
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
