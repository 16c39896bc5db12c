using UnionBot.Core.Commands;

namespace UnionBot.Callbacks;

/// <summary>
/// Runs one message through the pipeline for every adapter. A failure inside becomes a polite reply with an
/// error id, and one log line with the same id, so that a teacher is never left without an answer.
/// </summary>
public sealed class CommandRunner(ICommandPipeline pipeline, ILogger<CommandRunner> logger)
{
    public async Task<CommandReply> RunAsync(IncomingMessage message, CancellationToken ct)
    {
        try
        {
            return await pipeline.HandleAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(e, "Command failed on channel {ChannelId}, message {MessageId}, error id {ErrorId}",
                message.ChannelId, message.MessageId, errorId);
            return CommandReply.Of($"抱歉，处理这条消息时出了点问题，请稍后再试。（错误编号 {errorId}）");
        }
    }
}
