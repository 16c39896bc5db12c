using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.Local;
using UnionBot.Core.Storage;

namespace UnionBot.Hosting;

public static class CoreHostingExtensions
{
    public static IHostApplicationBuilder AddUnionBotConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddUnionBotSources(args, watch: true);
        var urls = builder.Configuration[$"{UnionBotOptions.Section}:Urls"];
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? new UnionBotOptions().Urls : urls);
        return builder;
    }

    public static IHostApplicationBuilder AddUnionBotCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UnionBotOptions>()
            .Bind(builder.Configuration.GetSection(UnionBotOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<UnionBotOptions>, UnionBotOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<UnionBotOptions>, UnknownKeysValidator>();

        builder.Services.AddSingleton<UnionBot.Core.Access.AdminList>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new Database(
            sp.GetRequiredService<IOptions<UnionBotOptions>>().Value.Database,
            sp.GetRequiredService<ILogger<Database>>()));
        // Registered before every other hosted service, so the schema is current before any of them starts.
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddSingleton<LocalFeed>();
        builder.Services.AddSingleton<DatabaseHealthCheck>(); // one instance: it remembers its last good probe
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Validates the configuration, maps the endpoints and runs until Ctrl+C. The endpoints are mapped after the
    /// validation and inside the same handlers, so that nothing a route builds can meet unvalidated options first (the
    /// console's mapping once resolved a service that read them, and every wrong setting became an unhandled exception):
    /// a wrong setting is one line naming the key and exit code 1.
    /// </summary>
    public static async Task<int> RunUnionBotAsync(this WebApplication app, Action<WebApplication> mapEndpoints)
    {
        try
        {
            _ = app.Services.GetRequiredService<IOptions<UnionBotOptions>>().Value; // binds and validates first
            mapEndpoints(app);
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"unionbot: configuration error: {string.Join("; ", e.Failures)}");
            return 1;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"unionbot: {e.Message} Is another UnionBot running? Change UnionBot:Urls to use another port.");
            return 1;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // The binder's own message names the key, e.g. "Failed to convert configuration value at 'UnionBot:Schedule:MonthlyNotice:Day' to type 'System.Int32'."
            await Console.Error.WriteLineAsync($"unionbot: configuration error: {e.Message.Split('\n')[0].Trim()}");
            return 1;
        }
    }
}

internal sealed class DatabaseMigration(Database database) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        database.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
