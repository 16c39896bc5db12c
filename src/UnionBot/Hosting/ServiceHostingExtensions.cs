using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.EventLog;

namespace UnionBot.Hosting;

/// <summary>
/// Runs under a service manager as it expects: a Windows service (started, stopped and logged to the Event Log by the
/// Service Control Manager) or a systemd <c>Type=notify</c> unit (READY=1 once the web server listens, log lines in
/// journald's format with their level). Started from a console, nothing changes.
/// </summary>
public static class ServiceHostingExtensions
{
    public const string ServiceName = "UnionBot";

    public static IHostApplicationBuilder AddServiceHosting(this IHostApplicationBuilder builder)
    {
        if (OperatingSystem.IsWindows() && WindowsServiceHelpers.IsWindowsService())
        {
            builder.Services.AddWindowsService(o => o.ServiceName = ServiceName);
            // The events are written under the source "UnionBot" (the application name). The Event Log takes warnings and up by default; the bot's own information lines (the start-up summary,
            // deliveries) are what the IT teacher looks for in the Event Viewer, the framework's stay at warnings.
            builder.Logging.AddFilter<EventLogLoggerProvider>((category, level) =>
                level >= (category?.StartsWith("UnionBot", StringComparison.Ordinal) == true ? LogLevel.Information : LogLevel.Warning));
        }
        else if (SystemdHelpers.IsSystemdService() || Environment.GetEnvironmentVariable("NOTIFY_SOCKET") is { Length: > 0 })
        {
            // AddSystemd only looks at the parent process; NOTIFY_SOCKET is what Type=notify really provides, and it is
            // also there when a wrapper script (ExecStart=/bin/sh -c …) stands between systemd and the bot, where
            // AddSystemd would never send READY=1 and systemd would kill the bot at TimeoutStartSec.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Systemd);
            builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        return builder;
    }
}
