using Microsoft.Extensions.Logging;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.Text;

namespace UnionBot.Core.Platforms.DingTalk;

/// <summary>
/// The DingTalk enterprise robot HTTP callback (PROTOCOLS.md 2.2). The command runs before the callback is
/// answered, so its effect is stored once answered; only the reply post to the sessionWebhook is queued, so the
/// callback still answers in milliseconds.
/// </summary>
public sealed class DingTalkCallback(
    CallbackChannels channels, Conversation conversation, DingTalkReplyQueue replies, DingTalkSignsSeen signs,
    DingTalkRobotClient robot, TimeProvider time, ILogger<DingTalkCallback> logger)
{
    private static readonly byte[] Empty = """{"msgtype":"empty"}"""u8.ToArray();

    public async Task<CallbackAnswer> ReceiveAsync(CallbackRequest request, CancellationToken ct)
    {
        var channelId = request.ChannelId;
        if (channels.Find(PlatformKind.DingTalk, channelId) is not { } channel) return Refuse(404, channelId, "unknown channel");
        var timestamp = request.Value("timestamp");
        var sign = request.Value("sign");
        if (!DingTalkCallbackSignature.IsValid(channel.AppSecret, timestamp, sign, time.GetUtcNow()))
            return Refuse(401, channelId, "sign mismatch or timestamp outside the 1 h window");
        var body = await request.ReadBodyAsync(ct);
        if (body is null) return Refuse(413, channelId, "body over 64 KiB");
        var message = DingTalkIncoming.Parse(body);
        if (message is null) return Refuse(400, channelId, "body is malformed");
        var stamp = long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);
        if (!signs.TryUse(channel.Id, stamp, message.MsgId, body))
            return Refuse(401, channelId, "timestamp/sign pair already used for another message (a replay)");

        var outcome = await ProcessAsync(channel, message);
        if (outcome is DingTalkDelivery.Handled or DingTalkDelivery.Duplicate) signs.MarkClaimed(channel.Id, stamp);
        return outcome switch
        {
            DingTalkDelivery.NoWebhook => Refuse(400, channelId, "text message without content or sessionWebhook"),
            DingTalkDelivery.ForeignWebhook => Refuse(400, channelId, "sessionWebhook is not on the DingTalk API host"),
            _ => new CallbackAnswer(200, Json: Empty),
        };
    }

    /// <summary>
    /// A robot message from the Stream gateway (the <c>data</c> of its frame, the same JSON as the HTTP callback's
    /// body): the gateway authenticated it, so it takes the callback's path from the parsed message on.
    /// </summary>
    public async Task ReceiveStreamAsync(ChannelOptions channel, string data)
    {
        var outcome = DingTalkIncoming.Parse(data) is { } message ? await ProcessAsync(channel, message) : DingTalkDelivery.Malformed;
        if (outcome is DingTalkDelivery.Malformed or DingTalkDelivery.NoWebhook or DingTalkDelivery.ForeignWebhook)
            logger.LogWarning("DingTalk Stream message on channel {ChannelId} refused: {Outcome}", channel.Id, outcome);
    }

    /// <summary>Runs one robot message through the pipeline once, and queues its reply for the sessionWebhook.</summary>

    private async Task<DingTalkDelivery> ProcessAsync(ChannelOptions channel, DingTalkIncoming message)
    {
        if (message.MsgType != "text")
        {
            logger.LogInformation("DingTalk {MsgType} message on channel {ChannelId} ignored", LogText.Of(message.MsgType), channel.Id);
            return DingTalkDelivery.Ignored;
        }
        if (message.Text is null || message.SessionWebhook is null) return DingTalkDelivery.NoWebhook;
        // The webhook is chosen by whoever sent the body, and the sign does not cover the body.
        if (!robot.IsOnApiHost(message.SessionWebhook)) return DingTalkDelivery.ForeignWebhook;
        var reply = await conversation.AnswerOnceAsync(new IncomingMessage(channel.Id, PlatformKind.DingTalk, message.MsgId, message.UserId, message.SenderNick, message.Text, message.IsPrivate));
        if (reply is null)
        {
            logger.LogInformation("DingTalk message {MessageId} on channel {ChannelId} was delivered again; answered once", LogText.Of(message.MsgId), channel.Id);
            return DingTalkDelivery.Duplicate;
        }
        replies.Enqueue(new DingTalkReply(channel.Id, message.MsgId, message.SessionWebhook, DingTalkReply.MessageFor(reply, message.UserId)));
        return DingTalkDelivery.Handled;
    }

    private CallbackAnswer Refuse(int status, string channelId, string reason)
    {
        logger.LogWarning("DingTalk callback on channel {ChannelId} refused with {Status}: {Reason}", LogText.Of(channelId), status, reason);
        return new CallbackAnswer(status);
    }
}

/// <summary>What became of one robot message body.</summary>
public enum DingTalkDelivery { Handled, Duplicate, Ignored, Malformed, NoWebhook, ForeignWebhook }
