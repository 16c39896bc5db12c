using Microsoft.Extensions.Logging;
using UnionBot.Core.Options;

namespace UnionBot.Core.Announcements;

internal sealed partial class ChannelWorker
{
    [LoggerMessage(LogLevel.Information, "Posted {What} to {Channel}")]
    private partial void LogSent(string what, string channel);

    [LoggerMessage(LogLevel.Warning, "Skipped {Key} on {Channel}: it was due at {Due}, more than Schedule:CatchUp ({CatchUp}) ago")]
    private partial void LogSkippedLate(string key, string channel, string due, TimeSpan catchUp);

    [LoggerMessage(LogLevel.Warning, "Skipped {Count} announcements on {Channel} that were due more than Schedule:CatchUp ({CatchUp}) ago: {Keys}")]
    private partial void LogSkippedManyLate(int count, string channel, TimeSpan catchUp, string keys);

    [LoggerMessage(LogLevel.Warning, "Channel {Channel} is rate limited (errcode {Code}); it pauses until {Until:o} and then resumes, nothing is lost")]
    private partial void LogRateLimited(string channel, int? code, DateTimeOffset until);

    [LoggerMessage(LogLevel.Warning, "Channel {Channel}: attempt {Attempt} failed ({Code} {Error}); retrying in {Delay}")]
    private partial void LogRetrying(string channel, int attempt, int? code, string? error, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Gave up posting {What} to {Channel} after {Attempts} attempts: {Code} {Error}")]
    private partial void LogGaveUp(string what, string channel, int attempts, int? code, string? error);

    [LoggerMessage(LogLevel.Error, "Channel {Channel} ({Platform}) stopped sending after {What} failed: {Reason}. Its other announcements wait until this is fixed and UnionBot restarted")]
    private partial void LogChannelBroken(string channel, PlatformKind platform, string what, string reason);

    [LoggerMessage(LogLevel.Error, "Channel {Channel} refused {What}, the channel carries on: {Reason}")]
    private partial void LogRowRejected(string what, string channel, string reason);

    [LoggerMessage(LogLevel.Error, "Delivery on {Channel} hit an error; retrying in 30 s")]
    private partial void LogWorkerError(string channel, Exception e);

    [LoggerMessage(LogLevel.Error, "Channel {Channel}: the messenger failed unexpectedly; the post is retried like a network failure")]
    private partial void LogMessengerBug(string channel, Exception e);

    [LoggerMessage(LogLevel.Error, "Posted {What} to {Channel}, but the database refused to record it as sent ({Reason}); retrying the record, the post is not repeated")]
    private partial void LogSentMarkRefused(string what, string channel, string reason);

    [LoggerMessage(LogLevel.Information, "Posted {What} to {Channel}; recorded as sent at attempt {Attempt} of the record")]
    private partial void LogSentMarkWritten(string what, string channel, int attempt);

    [LoggerMessage(LogLevel.Error, "UnionBot stopped before it could record {What} on {Channel} as sent ({Reason}): it was posted, and it is posted again at the next start")]
    private partial void LogSentMarkLost(string what, string channel, string reason);
}
