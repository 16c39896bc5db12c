using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Plan;
using UnionBot.Core.Schedule;

namespace UnionBot.Tests.Delivery;

/// <summary>
/// Reads the configured plan with the real reader and schedule builder: what the schedule feature's source does.
/// Registered only when the host has no <see cref="IYearScheduleSource"/> of its own.
/// </summary>
internal sealed class PlanFileScheduleSource(IOptions<UnionBotOptions> options) : IYearScheduleSource
{
    private YearSchedule? _current;

    public YearSchedule Current => _current ?? Reload();

    public YearSchedule Reload()
    {
        var o = options.Value;
        var bytes = File.ReadAllBytes(o.Plan.Path);
        var plan = PlanReader.Read(bytes, o.Plan.Path);
        var announcements = ScheduleBuilder.Build(plan, o.Plan.Year, o.Schedule, o.Zone);
        return _current = new YearSchedule(o.Plan.Path, Convert.ToHexStringLower(SHA256.HashData(bytes)), plan, o.Plan.Year, announcements);
    }
}
