using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.Text;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>
/// Turns an <c>aibot_msg_callback</c> into a command run by the same <see cref="Conversation"/> (parser, handlers,
/// dedupe) as the HTTP callback, and answers with <c>aibot_respond_msg</c>. A reply the link could not carry is kept
/// until it is acknowledged, so the gateway's redelivery of that message after a reconnect gets it — not a second run.
/// </summary>
public sealed partial class WeComLinkCallbacks(
    Conversation conversation, WeComChats chats, TimeProvider time, ILogger<WeComLinkCallbacks> logger)
{
    private static readonly TimeSpan KeepUnsent = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Channel, string MsgId), (string Markdown, DateTimeOffset At)> _unsent = new();

    public async Task HandleAsync(WeComLink link, WeComCallbackFrame frame)
    {
        var channel = link.Channel;
        try
        {
            var message = WeComIncoming.Parse(frame.Body.GetRawText());
            if (message is null) { LogMalformed(channel.Id); return; }
            if (message.MsgType != "text" || message.Text is null) { LogIgnored(LogText.Of(message.MsgType), channel.Id); return; }
            if (ChatIdOf(frame.Body) is { } chatId) await chats.RememberAsync(channel.Id, chatId, CancellationToken.None);

            var key = (channel.Id, message.MsgId);
            string markdown;
            var reply = await conversation.AnswerOnceAsync(new IncomingMessage(channel.Id, PlatformKind.WeCom, message.MsgId, message.UserId, null, message.Text, message.IsPrivate));
            if (reply is not null)
            {
                markdown = StreamBody.ContentOf(reply);
                Prune();
                _unsent[key] = (markdown, time.GetUtcNow());
            }
            else if (_unsent.TryGetValue(key, out var kept)) markdown = kept.Markdown;
            else { LogRedelivered(LogText.Of(message.MsgId), channel.Id); return; }

            if (await link.RespondAsync(frame.ReqId, markdown, CancellationToken.None)) _unsent.TryRemove(key, out _);
            else LogReplyKept(LogText.Of(message.MsgId), channel.Id);
        }
        catch (Exception e)
        {
            LogFailed(e, channel.Id);
        }
    }

    private static string? ChatIdOf(JsonElement body)
    {
        try { return JsonFields.String(body, "chattype") == "group" && JsonFields.String(body, "chatid") is { Length: <= 128 } id ? id : null; }
        catch (JsonException) { return null; }
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - KeepUnsent;
        foreach (var (key, value) in _unsent)
            if (value.At < cutoff) _unsent.TryRemove(key, out _);
    }

    [LoggerMessage(LogLevel.Warning, "WeCom long-connection callback on channel {ChannelId} is malformed; ignored")]
    private partial void LogMalformed(string channelId);

    [LoggerMessage(LogLevel.Information, "WeCom {MsgType} message on channel {ChannelId} ignored")]
    private partial void LogIgnored(string msgType, string channelId);

    [LoggerMessage(LogLevel.Information, "WeCom message {MessageId} on channel {ChannelId} was delivered again; answered once")]
    private partial void LogRedelivered(string messageId, string channelId);

    [LoggerMessage(LogLevel.Warning, "The reply to WeCom message {MessageId} on channel {ChannelId} could not be sent; it is kept for the redelivery after reconnecting")]
    private partial void LogReplyKept(string messageId, string channelId);

    [LoggerMessage(LogLevel.Error, "WeCom long-connection callback on channel {ChannelId} failed")]
    private partial void LogFailed(Exception e, string channelId);
}
