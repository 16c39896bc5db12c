using UnionBot.Callbacks;
using UnionBot.Core.Callbacks;
using UnionBot.Local;

namespace UnionBot.Hosting;

public static class CallbacksHostingExtensions
{
    /// <summary>The WeCom and DingTalk callbacks, their dedupe and reply queue, and the local chat page.</summary>
    public static IHostApplicationBuilder AddCallbacks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallbackChannels>();
        builder.Services.AddSingleton<ProcessedMessages>();
        builder.Services.AddScoped<CommandRunner>();
        builder.Services.AddScoped<WeComCallback>();
        builder.Services.AddScoped<DingTalkCallback>();
        builder.Services.AddSingleton<DingTalkReplyQueue>();
        builder.Services.AddHostedService<DingTalkReplySender>(); // posts with the senders' DingTalkRobotClient
        builder.Services.AddSingleton<LocalRoster>();
        builder.Services.AddScoped<LocalChat>();
        return builder;
    }
}
