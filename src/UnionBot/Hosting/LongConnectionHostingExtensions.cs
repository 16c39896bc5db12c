using UnionBot.Core.Platforms.LongConnection;
using UnionBot.LongConnection;

namespace UnionBot.Hosting;

public static class LongConnectionHostingExtensions
{
    /// <summary>
    /// The outbound long connections (no public address needed): the shared link status, its "long-connections" health
    /// check, and the WeCom 智能机器人 clients. The DingTalk Stream client registers itself in AddDingTalkStream().
    /// </summary>
    public static IHostApplicationBuilder AddLongConnections(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LongConnectionStatus>();
        builder.Services.AddHealthChecks().AddCheck<LongConnectionsHealthCheck>("long-connections");
        return builder;
    }
}
