using System.Text;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.DingTalk;
using UnionBot.Core.Platforms.DingTalk.Stream;

namespace UnionBot.LongConnection;

/// <summary>
/// A robot message from the Stream gateway takes the HTTP callback's path from the body on: the same parser,
/// sessionWebhook host check, dedupe on msgId, pipeline and reply queue (<see cref="DingTalkCallback.ProcessAsync"/>).
/// </summary>
public sealed class DingTalkStreamSink(IServiceScopeFactory scopes, ILogger<DingTalkStreamSink> logger) : IDingTalkStreamSink
{
    public async Task HandleRobotMessageAsync(ChannelOptions channel, string data)
    {
        await using var scope = scopes.CreateAsyncScope();
        var callback = scope.ServiceProvider.GetRequiredService<DingTalkCallback>();
        var outcome = await callback.ProcessAsync(channel, Encoding.UTF8.GetBytes(data));
        if (outcome is DingTalkDelivery.Malformed or DingTalkDelivery.NoWebhook or DingTalkDelivery.ForeignWebhook)
            logger.LogWarning("DingTalk Stream message on channel {ChannelId} refused: {Outcome}", channel.Id, outcome);
    }
}
