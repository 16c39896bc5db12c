using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.LongConnection;
using UnionBot.Core.Platforms.WeCom.LongConnection;

namespace UnionBot.Hosting;

public static class LongConnectionHostingExtensions
{
    /// <summary>
    /// The outbound long connections (no public address needed): the shared link status, its "long-connections" health
    /// check, and the WeCom 智能机器人 links with their messenger for <c>SendVia: LongConnection</c>. The DingTalk Stream
    /// client registers itself in AddDingTalkStream().
    /// </summary>
    public static IHostApplicationBuilder AddLongConnections(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<LongConnectionStatus>();
        services.AddHealthChecks().AddCheck<LongConnectionsHealthCheck>("long-connections");

        services.AddSingleton(new WeComLinkSettings());
        services.AddSingleton<WeComLinks>();
        services.AddSingleton<WeComChats>();
        services.AddSingleton<WeComLinkCallbacks>();
        services.AddSingleton<WeComLinkMessenger>();
        services.AddTransient<IPlatformMessenger>(sp => sp.GetRequiredService<WeComLinkMessenger>());
        services.AddHostedService<WeComLinkService>();
        return builder;
    }
}
