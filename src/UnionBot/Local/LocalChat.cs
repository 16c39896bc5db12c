using UnionBot.Core.Commands;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms.Local;

namespace UnionBot.Local;

public sealed record LocalPost(string? UserId, string? Text);

/// <summary>
/// The built-in local channel (SPEC section 6): what is typed on the page goes through the same pipeline as
/// the platforms, and both the line and the reply are appended to the shared <see cref="LocalFeed"/>.
/// </summary>
public sealed class LocalChat(LocalFeed feed, Conversation conversation)
{
    public const string ChannelId = "local";
    public const int MaxUserIdLength = 64;

    public async Task<IResult> PostAsync(LocalPost post, CancellationToken ct)
    {
        var user = post.UserId?.Trim() ?? "";
        var text = post.Text?.Trim() ?? "";
        if (user.Length is 0 or > MaxUserIdLength || user.Any(char.IsWhiteSpace) || user.Any(char.IsControl))
            return Results.BadRequest(new { error = "请先选择或填写一个用户 ID（不含空格，最多 64 个字符）。" });
        if (text.Length == 0) return Results.BadRequest(new { error = "消息是空的。" });

        var line = feed.Append(user, "message", text);
        var reply = await conversation.AnswerAsync(new IncomingMessage(ChannelId, PlatformKind.Local, $"local-{line.Id}-{Guid.NewGuid():N}", user, null, text, IsPrivate: true));
        // As on the platforms, the people a reply notifies (a teacher moved up from the waiting list) are named at its end.
        var shown = reply.Mentions.Count == 0 ? reply.Markdown : $"{reply.Markdown.TrimEnd()}\n\n{string.Join(' ', reply.Mentions.Select(m => "@" + m))}";
        var answer = feed.Append(LocalMessenger.Author, "reply", shown);
        return Results.Json(new { message = line, reply = answer, mentions = reply.Mentions });
    }

    public async Task<IResult> FeedAsync(long after, int wait, CancellationToken ct)
    {
        var items = wait <= 0
            ? feed.Since(after)
            : await feed.WaitSinceAsync(after, TimeSpan.FromSeconds(Math.Min(wait, 25)), ct);
        return Results.Json(new { items });
    }
}
