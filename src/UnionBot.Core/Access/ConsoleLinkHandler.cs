using UnionBot.Core.Commands;

namespace UnionBot.Core.Access;

/// <summary>
/// <c>/后台</c>: a login link is a key to the console, so it goes only to an admin and only in a private chat,
/// where nobody else can read it and use it first.
/// </summary>
public sealed class ConsoleLinkHandler(ConsoleLinks links)
{
    public async Task<CommandReply> LinkAsync(CommandContext ctx, CancellationToken ct)
    {
        if (!ctx.IsAdmin) return CommandReply.Of("管理后台只对工会管理员开放。需要的话请联系工会主席。");
        if (!ctx.Message.IsPrivate)
            return CommandReply.Of("后台登录链接只在私聊里发送，请单独私聊我，发 /后台。");
        var link = await links.IssueAsync(ctx.UserId, ConsoleLinks.DefaultLifetime, ctx.Claim, ct);
        var until = TimeZoneInfo.ConvertTime(link.ExpiresAt, ctx.Zone);
        return CommandReply.Of(
            $"🔐 管理后台登录链接（只能用一次，{until:HH:mm} 前有效）：\n\n[打开管理后台]({link.Url})\n\n{link.Url}\n\n请不要转发给别人。");
    }
}
