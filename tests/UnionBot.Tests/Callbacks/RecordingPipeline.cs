using System.Collections.Concurrent;
using UnionBot.Core.Callbacks;
using UnionBot.Core.Commands;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// A hand-written pipeline for the adapter tests: records what it was given and answers with an echo.
/// Text containing "boom" throws, to show how a handler failure is answered.
/// </summary>
public sealed class RecordingPipeline : ICommandPipeline
{
    public ConcurrentQueue<IncomingMessage> Received { get; } = new();
    public IReadOnlyList<string> Mentions { get; set; } = [];

    public async Task<CommandReply> HandleAsync(IncomingMessage message, MessageClaim? claim, CancellationToken ct)
    {
        Received.Enqueue(message);
        await Task.Yield();
        if (message.Text.Contains("boom", StringComparison.Ordinal)) throw new InvalidOperationException("handler failed");
        return new CommandReply($"**收到** {message.Text.Trim()}", Mentions);
    }
}
