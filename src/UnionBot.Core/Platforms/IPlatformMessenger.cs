using UnionBot.Core.Announcements;
using UnionBot.Core.Options;

namespace UnionBot.Core.Platforms;

/// <summary>How one post to a group robot ended, decided from the platform's errcode (PROTOCOLS.md).</summary>
public enum SendOutcome
{
    /// <summary>The platform acknowledged the message (errcode 0).</summary>
    Sent,
    /// <summary>Network failure, timeout, HTTP 5xx or errcode -1: retry with backoff, bounded.</summary>
    Transient,
    /// <summary>45009 / 130101 / 410100: pause the channel (60 s WeCom, 10 min DingTalk), lose nothing.</summary>
    RateLimited,
    /// <summary>Configuration or content the platform will never accept (93000, 310000, 400102, unknown codes…).</summary>
    Permanent,
}

public sealed record SendResult(SendOutcome Outcome, int? ErrorCode = null, string? ErrorMessage = null)
{
    public static SendResult Ok { get; } = new(SendOutcome.Sent, 0, "ok");
}

/// <summary>The one messenger seam: posts one message (already within the platform's size limit) to a channel's group.</summary>
public interface IPlatformMessenger
{
    PlatformKind Platform { get; }

    /// <summary>Which <see cref="ChannelOptions.SendVia"/> this messenger serves (the group robot webhook unless it says otherwise).</summary>
    SendPath Path => SendPath.Webhook;

    /// <summary>The largest message this platform accepts, in UTF-8 bytes (the outbox splits longer ones into parts).</summary>
    int MaxMessageBytes { get; }

    /// <summary>
    /// The largest message that still notifies the people it mentions. WeCom notifies only through <c>text</c>, whose
    /// limit (2048 bytes) is half that of markdown; elsewhere it is <see cref="MaxMessageBytes"/>.
    /// </summary>
    int MaxMentionMessageBytes => MaxMessageBytes;

    /// <summary>The size limit that applies to <paramref name="message"/>.</summary>
    int MaxBytesFor(OutgoingMessage message) => message.Mentions is { Count: > 0 } ? MaxMentionMessageBytes : MaxMessageBytes;

    Task<SendResult> SendAsync(ChannelOptions channel, OutgoingMessage message, CancellationToken ct);
}
