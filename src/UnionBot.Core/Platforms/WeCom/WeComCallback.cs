using Microsoft.Extensions.Logging;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.Text;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>
/// The WeCom 智能机器人 HTTP callback (PROTOCOLS.md 1.2): URL verification, then encrypted messages answered
/// with the encrypted passive <c>stream</c> reply. Authenticates first, decrypts second, runs the command last.
/// </summary>
public sealed class WeComCallback(
    CallbackChannels channels, Conversation conversation, TimeProvider time, ILogger<WeComCallback> logger)
{
    public CallbackAnswer Verify(CallbackRequest request)
    {
        var channelId = request.ChannelId;
        if (Admit(request, out var channel, out var q) is { } refused) return refused;
        var echostr = Base64Param(request.Value("echostr"));
        if (echostr is null) return Refuse(400, channelId, "missing echostr");
        var crypto = channels.CryptoFor(channel);
        if (!crypto.Verify(q.Signature, q.Timestamp, q.Nonce, echostr)) return Refuse(401, channelId, "signature mismatch");
        try
        {
            return new CallbackAnswer(200, Text: crypto.Decrypt(echostr));
        }
        catch (WeComCryptoException e)
        {
            return Refuse(400, channelId, e.Message);
        }
    }

    public async Task<CallbackAnswer> ReceiveAsync(CallbackRequest request, CancellationToken ct)
    {
        var channelId = request.ChannelId;
        if (Admit(request, out var channel, out var q) is { } refused) return refused;
        var body = await request.ReadBodyAsync(ct);
        if (body is null) return Refuse(413, channelId, "body over 64 KiB");
        var crypto = channels.CryptoFor(channel);
        if (Open(crypto, q, body, channelId, out var message) is { } refusal) return refusal;
        if (message is null) return Refuse(400, channelId, "decrypted message is malformed");
        if (message.MsgType != "text")
        {
            logger.LogInformation("WeCom {MsgType} message on channel {ChannelId} ignored", LogText.Of(message.MsgType), channel.Id);
            return CallbackAnswer.Ok; // an empty 200 body means "no reply"
        }
        if (message.Text is null) return Refuse(400, channelId, "text message without content");
        var reply = await conversation.AnswerOnceAsync(new IncomingMessage(channel.Id, PlatformKind.WeCom, message.MsgId, message.UserId, null, message.Text, message.IsPrivate));
        if (reply is null)
        {
            logger.LogInformation("WeCom message {MessageId} on channel {ChannelId} was delivered again; answered once", LogText.Of(message.MsgId), channel.Id);
            return CallbackAnswer.Ok;
        }
        return new CallbackAnswer(200, Json: WeComPassiveReply.Write(crypto, StreamBody.ContentOf(reply), q.Nonce, time.GetUtcNow()));
    }

    /// <summary>
    /// Reads the body's <c>encrypt</c>, checks its signature, decrypts it and reads the message (null when it is not the
    /// JSON WeCom sends), or says why not. The ciphertext and the plaintext stay in pooled buffers: as a string and a
    /// copy they were over a kilobyte of garbage on every callback.
    /// </summary>
    private CallbackAnswer? Open(WeComCrypto crypto, WeComQuery q, byte[] body, string channelId, out WeComIncoming? message)
    {
        message = null;
        if (WeComEnvelope.Encrypt(body) is not { } found) return Refuse(400, channelId, "body is not {\"encrypt\":…}");
        using var encrypt = found;
        if (!crypto.Verify(q.Signature, q.Timestamp, q.Nonce, encrypt.Span)) return Refuse(401, channelId, "signature mismatch");
        try { message = crypto.Decrypt(encrypt.Span, static plaintext => WeComIncoming.Parse(plaintext)); }
        catch (WeComCryptoException e) { return Refuse(400, channelId, e.Message); }
        return null;
    }

    /// <summary>
    /// What URL verification and messages check alike before any cryptography: a channel that takes callbacks, the
    /// signature parameters, and a timestamp inside the <see cref="CallbackWindow"/> (a captured verification URL is
    /// no more reusable than a captured message).
    /// </summary>
    private CallbackAnswer? Admit(CallbackRequest request, out ChannelOptions channel, out WeComQuery query)
    {
        var channelId = request.ChannelId;
        channel = null!;
        query = null!;
        if (channels.Find(PlatformKind.WeCom, channelId) is not { } found) return Refuse(404, channelId, "unknown channel");
        if (WeComQuery.From(request) is not { } q) return Refuse(401, channelId, "missing signature parameters");
        if (!CallbackWindow.ContainsUnixSeconds(q.Timestamp, time.GetUtcNow())) return Refuse(401, channelId, "timestamp outside the 1 h window");
        (channel, query) = (found, q);
        return null;
    }

    /// <summary>Base64 has no spaces: a '+' that reached us unescaped was turned into one by query decoding.</summary>
    internal static string? Base64Param(string? value) => string.IsNullOrEmpty(value) ? null : value.Replace(' ', '+');

    private CallbackAnswer Refuse(int status, string channelId, string reason)
    {
        logger.LogWarning("WeCom callback on channel {ChannelId} refused with {Status}: {Reason}", LogText.Of(channelId), status, reason);
        return new CallbackAnswer(status);
    }

    private sealed record WeComQuery(string Signature, string Timestamp, string Nonce)
    {
        public static WeComQuery? From(CallbackRequest r) =>
            r.Value("msg_signature") is { Length: > 0 } s && r.Value("timestamp") is { Length: > 0 } t &&
            r.Value("nonce") is { Length: > 0 } n ? new WeComQuery(s, t, n) : null;
    }
}
