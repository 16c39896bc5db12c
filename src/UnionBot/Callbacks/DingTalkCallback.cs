using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.DingTalk;

namespace UnionBot.Callbacks;

/// <summary>
/// The DingTalk enterprise robot HTTP callback (PROTOCOLS.md 2.2). The command runs before the callback is
/// answered, so its effect is stored once answered; only the reply post to the sessionWebhook is queued, so the
/// callback still answers in milliseconds.
/// </summary>
public sealed class DingTalkCallback(
    CallbackChannels channels, CommandRunner runner, DingTalkReplyQueue replies,
    DingTalkRobotClient robot, TimeProvider time, ILogger<DingTalkCallback> logger)
{
    private static readonly object Empty = new { msgtype = "empty" };

    public async Task<IResult> ReceiveAsync(string channelId, HttpRequest request, CancellationToken ct)
    {
        if (channels.Find(PlatformKind.DingTalk, channelId) is not { } channel) return Refuse(404, channelId, "unknown channel");
        var timestamp = request.Headers["timestamp"].ToString();
        var sign = request.Headers["sign"].ToString();
        if (!DingTalkCallbackSignature.IsValid(channel.AppSecret, timestamp, sign, time.GetUtcNow()))
            return Refuse(401, channelId, "sign mismatch or timestamp outside the 1 h window");
        var body = await CallbackBody.ReadAsync(request, ct);
        if (body is null) return Refuse(413, channelId, "body over 64 KiB");

        var message = DingTalkIncoming.Parse(body);
        if (message is null) return Refuse(400, channelId, "body is malformed");
        if (message.MsgType != "text")
        {
            logger.LogInformation("DingTalk {MsgType} message on channel {ChannelId} ignored", message.MsgType, channelId);
            return Results.Json(Empty);
        }
        if (message.Text is null || message.SessionWebhook is null) return Refuse(400, channelId, "text message without content or sessionWebhook");
        // The webhook is chosen by whoever sent the body, and the sign does not cover the body.
        if (!robot.IsOnApiHost(message.SessionWebhook))
            return Refuse(400, channelId, "sessionWebhook is not on the DingTalk API host");
        var reply = await runner.RunOnceAsync(new IncomingMessage(channel.Id, PlatformKind.DingTalk, message.MsgId, message.UserId,
            message.SenderNick, message.Text, time.GetUtcNow()));
        if (reply is null)
        {
            logger.LogInformation("DingTalk message {MessageId} on channel {ChannelId} was delivered again; answered once", message.MsgId, channelId);
            return Results.Json(Empty);
        }
        replies.Enqueue(new DingTalkReply(channel.Id, message.MsgId, message.SessionWebhook, DingTalkReply.MessageFor(reply, message.UserId)));
        return Results.Json(Empty);
    }

    private IResult Refuse(int status, string channelId, string reason)
    {
        logger.LogWarning("DingTalk callback on channel {ChannelId} refused with {Status}: {Reason}", channelId, status, reason);
        return Results.StatusCode(status);
    }
}
