using Microsoft.Extensions.Logging;
using UnionBot.Core.Commands;
using UnionBot.Core.Storage;
using static UnionBot.Core.Text.Markdown;

namespace UnionBot.Core.Announcements;

/// <summary>/公告: an admin's announcement goes through the outbox to every channel; anyone else is refused politely.</summary>
public sealed class AnnounceHandler(IAnnouncementOutbox outbox, Database database, ILogger<AnnounceHandler> logger)
{
    public async Task<CommandReply> AnnounceAsync(Command.Announce command, CommandContext ctx, CancellationToken ct)
    {
        if (!ctx.IsAdmin)
            return CommandReply.Of("公告只能由工会管理员发布哦。有事想告诉大家，可以发 /建议 转给工会。");

        // The text is escaped like any user text: a pasted "@all" or "[链接](…)" must not become a mention or a link.
        var markdown = $"**📢 工会公告**\n\n{Block(command.Text)}";
        // Keyed by the platform message: a redelivered /公告 is posted once. The rows go in before the audit line that
        // carries the message's claim, so a bot killed between the two runs the redelivery, which adds no second row.
        var key = $"announce:{ctx.ChannelId}:{ctx.Message.MessageId}";
        await outbox.EnqueueImmediateAsync(key, new OutgoingMessage("工会公告", markdown), null, ct);
        await database.Writes.RunAsync(ctx.Claim, (c, tx) =>
        {
            AuditLog.Record(c, tx, ctx, "announce", command.Text);
            return true;
        }, ct);
        logger.LogInformation("Announcement {Key} queued for every channel", key);
        return CommandReply.Of("📢 公告已提交，马上发到所有群。");
    }
}
