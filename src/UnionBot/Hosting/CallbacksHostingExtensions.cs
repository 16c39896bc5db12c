using UnionBot.Core.Callbacks;
using UnionBot.Core.Commands;
using UnionBot.Core.Platforms;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.WeCom;
using UnionBot.Local;

namespace UnionBot.Hosting;

public static class CallbacksHostingExtensions
{
    /// <summary>
    /// The WeCom and DingTalk callbacks, their dedupe and reply queue, and the local chat page. All are stateless
    /// singletons: a scoped handler cost every callback a scope's lock and allocations for nothing.
    /// </summary>
    public static IHostApplicationBuilder AddCallbacks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CallbackChannels>();
        builder.Services.AddSingleton<ProcessedMessages>();
        builder.Services.AddSingleton<Conversation>();
        builder.Services.AddSingleton<WeComCallback>();
        builder.Services.AddSingleton<DingTalkCallback>();
        builder.Services.AddSingleton<DingTalkReplyQueue>();
        builder.Services.AddSingleton<DingTalkSignsSeen>();
        builder.Services.AddHostedService<DingTalkReplySender>(); // posts with the senders' DingTalkRobotClient
        builder.Services.AddSingleton<LocalRoster>();
        builder.Services.AddSingleton<LocalChat>();
        builder.Services.AddSingleton<ChatPage>();
        return builder;
    }
}
