using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Callbacks;

namespace UnionBot.Core.Commands;

/// <summary>
/// The one way a teacher's message enters Core, from every adapter (HTTP callbacks, long connections, the local page):
/// claim the message id, run the pipeline, and turn a failure into the polite reply with an error id and one log line
/// with the same id, so that a teacher is never left without an answer. The log names the channel and message, never
/// the user (an anonymous suggestion must leave no trace).
/// </summary>
/// <remarks>
/// Nothing here follows the request's cancellation (the platform hanging up): a command that started runs to the
/// end, or its writes would be lost with nobody told. The claim is written with the command's first write
/// (<see cref="MessageClaim"/>), so a bot killed mid-command leaves the id unclaimed and the redelivery runs it.
/// </remarks>
public sealed class Conversation(ICommandPipeline pipeline, ProcessedMessages processed, ILogger<Conversation> logger)
{
    // A platform that delivers one message several times at once (a retry racing the original) gets one run in this
    // process; across processes the claim decides.
    private readonly ConcurrentDictionary<(string Channel, string Id), byte> _running = new();

    /// <summary>Answers a platform message once; null when its id was handled before (a redelivery), and then nothing runs.</summary>
    public async Task<CommandReply?> AnswerOnceAsync(IncomingMessage message)
    {
        var key = (message.ChannelId, message.MessageId);
        if (!_running.TryAdd(key, 0)) return null;
        try
        {
            if (processed.ClaimFor(message.ChannelId, message.MessageId) is not { } claim) return null;
            var reply = await pipeline.HandleAsync(message, claim, CancellationToken.None);
            // A command that wrote nothing (/帮助, /本月) claims the id now; another delivery may have done so meanwhile.
            return await processed.CommitAsync(claim, CancellationToken.None) ? reply : null;
        }
        catch (MessageAlreadyClaimedException)
        {
            return null;
        }
        catch (Exception e)
        {
            return Failed(message, e);
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }

    /// <summary>Answers a message that has no platform id to dedupe on (the local page).</summary>
    public async Task<CommandReply> AnswerAsync(IncomingMessage message)
    {
        try
        {
            return await pipeline.HandleAsync(message, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            return Failed(message, e);
        }
    }

    private CommandReply Failed(IncomingMessage message, Exception e)
    {
        var errorId = Guid.NewGuid().ToString("N")[..8];
        logger.LogError(e, "Command failed on channel {ChannelId}, message {MessageId}, error id {ErrorId}",
            message.ChannelId, Text.LogText.Of(message.MessageId), errorId);
        return CommandReply.Of($"抱歉，我这边出了点问题，请稍后再试一次。（错误编号 {errorId}）");
    }
}
