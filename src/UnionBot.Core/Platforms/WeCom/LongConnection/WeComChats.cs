using Dapper;
using UnionBot.Core.Storage;

namespace UnionBot.Core.Platforms.WeCom.LongConnection;

/// <summary>
/// The group chatid of each long-connection channel, as seen in its latest group callback. WeCom gives no other way
/// to learn it, so a channel can post announcements once someone has @mentioned the bot in the group (README).
/// </summary>
public sealed class WeComChats(Database database, TimeProvider time)
{
    private const string UpsertSql = """
        INSERT INTO wecom_chats (channel_id, chat_id, seen_at) VALUES (@ChannelId, @ChatId, @SeenAt)
        ON CONFLICT (channel_id) DO UPDATE SET chat_id = excluded.chat_id, seen_at = excluded.seen_at
        """;

    private const string FindSql = """
        SELECT chat_id FROM wecom_chats WHERE channel_id = @ChannelId
        """;

    public Task RememberAsync(string channelId, string chatId, CancellationToken ct)
    {
        var row = new { ChannelId = channelId, ChatId = chatId, SeenAt = StoredTime.Format(time.GetUtcNow()) };
        return database.Writes.RunAsync((connection, tx) => connection.Execute(UpsertSql, row, tx), ct);
    }

    public async Task<string?> FindAsync(string channelId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(FindSql, new { ChannelId = channelId }, cancellationToken: ct));
    }
}
