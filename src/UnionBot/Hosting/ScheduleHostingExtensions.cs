using UnionBot.Core.Calendar;
using UnionBot.Core.Schedule;
using UnionBot.Schedule;

namespace UnionBot.Hosting;

public static class ScheduleHostingExtensions
{
    /// <summary>The configured plan as this year's schedule: read once at start (and logged), then on demand.</summary>
    public static IHostApplicationBuilder AddYearSchedule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UnionBot.Core.Plan.PlanVersions>();
        builder.Services.AddSingleton<UnionBot.Core.Plan.PlanUploads>();
        // The tables ship beside the executable (copied to the build output and the release folder), not in the home
        // folder with config/: they are the bot's data, replaced with each release.
        builder.Services.AddSingleton(sp => WorkingDays.LoadShipped(sp.GetRequiredService<ILogger<WorkingDays>>()));
        builder.Services.AddSingleton<YearScheduleSource>();
        builder.Services.AddSingleton<IYearScheduleSource>(sp => sp.GetRequiredService<YearScheduleSource>());
        builder.Services.AddHostedService<StartupSummaryLog>();
        builder.Services.AddHealthChecks().AddCheck<PlanHealthCheck>("plan");
        return builder;
    }
}
