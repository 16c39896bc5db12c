using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.DingTalk.Stream;
using UnionBot.Core.Platforms.LongConnection;

namespace UnionBot.Hosting;

public static class DingTalkStreamHostingExtensions
{
    /// <summary>
    /// DingTalk Stream mode: the bot dials out to the gateway, so no public address is needed. Its robot messages
    /// go through the callbacks' pipeline and reply queue (AddCallbacks).
    /// </summary>
    public static IHostApplicationBuilder AddDingTalkStream(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<LongConnectionStatus>(); // AddLongConnections registers it too; either order works
        builder.Services.TryAddSingleton(new DingTalkStreamTimings());
        builder.Services.AddSingleton<DingTalkStreamClient>();
        builder.Services.AddHttpClient(nameof(DingTalkStreamGateway), (sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<UnionBotOptions>>().Value.DingTalk.OpenApiBaseUrl;
                http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
                http.MaxResponseContentBufferSize = 64 * 1024;
                http.Timeout = Timeout.InfiniteTimeSpan; // the open call's deadline is DingTalkStreamTimings.ConnectTimeout, on the bot's clock
            })
            // The client lives as long as the host: recycle pooled connections so DNS changes are seen.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers(); // the request body carries the AppSecret; our own lines never do
        builder.Services.AddTransient(sp => new DingTalkStreamGateway(PlatformsHostingExtensions.Http(sp, nameof(DingTalkStreamGateway)),
            sp.GetRequiredService<DingTalkStreamTimings>(), sp.GetRequiredService<TimeProvider>(), PlatformsHostingExtensions.Log<DingTalkStreamGateway>(sp)));
        builder.Services.AddHostedService<DingTalkStreamService>(); // registered after AddCallbacks: stops before the reply sender
        return builder;
    }
}
