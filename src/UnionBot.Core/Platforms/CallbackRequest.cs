namespace UnionBot.Core.Platforms;

/// <summary>
/// One HTTP callback as a platform's handler sees it: the channel in the route, the named values it checks (WeCom's
/// query string, DingTalk's headers; "" when absent), and the body, read only once the checks that need no body passed.
/// </summary>
public sealed record CallbackRequest(string ChannelId, Func<string, string> Value, Func<CancellationToken, Task<byte[]?>> ReadBodyAsync);

/// <summary>
/// What a callback answers: a status, and for a 200 either nothing, a JSON body (already UTF-8, written by the
/// platform's compiled serializer) or plain text.
/// </summary>
public sealed record CallbackAnswer(int Status, byte[]? Json = null, string? Text = null)
{
    public static readonly CallbackAnswer Ok = new(200);
}
