using Microsoft.Extensions.Options;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.Local;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Hosting;

public static class PlatformsHostingExtensions
{
    /// <summary>The three messengers (WeCom, DingTalk, the local channel), each resolvable as <see cref="IPlatformMessenger"/>.</summary>
    public static IHostApplicationBuilder AddPlatforms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(WeComRobotClient), (sp, http) => Configure(http, Api(sp).WeCom.ApiBaseUrl))
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .RemoveAllLoggers(); // our one line per send replaces them: their URLs carry the key (redacted only unless DisableUriRedaction is set)
        builder.Services.AddHttpClient(nameof(DingTalkRobotClient), (sp, http) => Configure(http, Api(sp).DingTalk.ApiBaseUrl))
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .RemoveAllLoggers();
        // Built here rather than as typed clients: the typed-client factory compiles an expression tree for each client
        // type when it is first resolved, which is the start of every bot. The messengers are made at start (the
        // delivery channels hold them) but ask the factory for a client at each post: a bot whose groups have no robot
        // keys never builds an HTTP handler, nor the factory's timers that retire it (README, "Start-up and memory").
        builder.Services.AddTransient(sp => new WeComRobotClient(Http(sp, nameof(WeComRobotClient)), sp.GetRequiredService<TimeProvider>(), Log<WeComRobotClient>(sp)));
        builder.Services.AddTransient(sp => new DingTalkRobotClient(Http(sp, nameof(DingTalkRobotClient)), sp.GetRequiredService<TimeProvider>(), Log<DingTalkRobotClient>(sp)));
        builder.Services.AddSingleton<LocalMessenger>();

        builder.Services.AddTransient<IPlatformMessenger>(sp => sp.GetRequiredService<WeComRobotClient>());
        builder.Services.AddTransient<IPlatformMessenger>(sp => sp.GetRequiredService<DingTalkRobotClient>());
        builder.Services.AddTransient<IPlatformMessenger>(sp => sp.GetRequiredService<LocalMessenger>());
        return builder;
    }

    /// <summary>Makes the named client (its base address, handler and no loggers, as configured above) for a hand-built messenger.</summary>
    internal static Func<HttpClient> Http(IServiceProvider sp, string name)
    {
        var factory = sp.GetRequiredService<IHttpClientFactory>();
        return () => factory.CreateClient(name);
    }

    internal static ILogger<T> Log<T>(IServiceProvider sp) => sp.GetRequiredService<ILogger<T>>();

    private static UnionBotOptions Api(IServiceProvider sp) => sp.GetRequiredService<IOptions<UnionBotOptions>>().Value;

    private static void Configure(HttpClient http, string apiBaseUrl)
    {
        // A trailing slash so that relative paths append to a base that has a path of its own (a proxy prefix).
        http.BaseAddress = new Uri(apiBaseUrl.TrimEnd('/') + "/");
        // The messengers time each post on the bot's TimeProvider (RobotHttp.Timeout), the clock their retries wait on.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.MaxResponseContentBufferSize = 64 * 1024; // the answer is a few bytes of JSON; anything huge is not the platform
    }

    // A messenger may live as long as the dispatcher that holds it: recycle pooled connections so DNS changes are seen.
    // Connecting counts against the messenger's deadline for the whole post.
    private static HttpMessageHandler CreateHandler() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}
