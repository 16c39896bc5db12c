using UnionBot.Core.Callbacks;
using UnionBot.Core.Commands;

namespace UnionBot.Callbacks;

/// <summary>
/// Runs one message through the pipeline for every adapter. A failure inside becomes a polite reply with an
/// error id, and one log line with the same id, so that a teacher is never left without an answer.
/// </summary>
public sealed class CommandRunner(ICommandPipeline pipeline, ProcessedMessages processed, ILogger<CommandRunner> logger)
{
    /// <summary>
    /// Claims the platform message id, then runs the command; null when the id was handled before (a redelivery),
    /// and then nothing runs. Neither step follows the request's cancellation (the platform hanging up): once claimed, the command runs
    /// to the end, or the redelivery that follows would find the id claimed and the command never done.
    /// </summary>
    /// <remarks>A claim that cannot be written (a read-only or full database) is answered like a failed command: the
    /// teacher may try again, and a redelivery tries the claim again.</remarks>
    public async Task<CommandReply?> RunOnceAsync(IncomingMessage message)
    {
        bool claimed;
        try
        {
            claimed = await processed.TryClaimAsync(message.ChannelId, message.MessageId, CancellationToken.None);
        }
        catch (Exception e)
        {
            return Failed(e, message);
        }
        return claimed ? await HandleAsync(message, CancellationToken.None) : null;
    }

    /// <summary>Runs a message that has no platform id to dedupe on (the local page).</summary>
    public Task<CommandReply> RunAsync(IncomingMessage message) =>
        HandleAsync(message, CancellationToken.None);

    private async Task<CommandReply> HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        try
        {
            return await pipeline.HandleAsync(message, ct);
        }
        catch (Exception e)
        {
            return Failed(e, message);
        }
    }

    private CommandReply Failed(Exception e, IncomingMessage message)
    {
        var errorId = Guid.NewGuid().ToString("N")[..8];
        logger.LogError(e, "Command failed on channel {ChannelId}, message {MessageId}, error id {ErrorId}",
            message.ChannelId, message.MessageId, errorId);
        return CommandReply.Of($"抱歉，处理这条消息时出了点问题，请稍后再试。（错误编号 {errorId}）");
    }
}
