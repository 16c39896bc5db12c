namespace UnionBot.Tests.Support.Fakes;

/// <summary>
/// One request a fake platform received, as it arrived (<see cref="RawTarget"/> is the request line's path and query,
/// still URL-encoded; <see cref="Body"/> the exact body) plus the fields it parsed and the answer it gave.
/// </summary>
/// <param name="Robot">The webhook key, access token or <c>session:…</c> the request was addressed to ("" when missing).</param>
/// <param name="ErrCode">The errcode answered, or null when the fake answered with an HTTP error instead.</param>
public sealed record FakeRequest(
    DateTimeOffset At,
    string Robot,
    string RawTarget,
    string Body,
    int HttpStatus,
    int? ErrCode,
    string? MsgType = null,
    string? Content = null,
    string? Title = null,
    IReadOnlyList<string>? Mentioned = null,
    IReadOnlyList<string>? MentionedMobiles = null,
    bool AtAll = false)
{
    /// <summary>The request's Content-Type header.</summary>
    public string? ContentType { get; init; }

    /// <summary>The platform acknowledged it: the message is in the group.</summary>
    public bool Accepted => HttpStatus == 200 && ErrCode == 0;
}

/// <summary>What a fake's checks made of a request before the rate limit: the robot, the answer, the parsed message.</summary>
internal sealed record FakeVerdict(string Robot, int ErrCode, string ErrMsg, FakeRequest? Parsed = null, bool RateLimited = true)
{
    public static FakeVerdict Reject(string robot, int errcode, string errmsg) => new(robot, errcode, errmsg);
}
