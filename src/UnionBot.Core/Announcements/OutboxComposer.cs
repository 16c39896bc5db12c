using UnionBot.Core.Storage;
using System.Text;
using UnionBot.Core.Platforms;
using UnionBot.Core.Text;

namespace UnionBot.Core.Announcements;

/// <summary>Turns an announcement into outbox rows (one per channel, or numbered parts) and a backlog into one digest.</summary>
public static class OutboxComposer
{
    public static IEnumerable<OutboxRow> Rows(string sourceKey, string kind, OutgoingMessage message, DateTimeOffset due, IEnumerable<DeliveryChannel> channels)
    {
        var mentions = MentionsJson.Serialize(message.Mentions ?? []);
        foreach (var channel in channels)
        {
            var key = $"{sourceKey}:{channel.Id}";
            // The splitter labels each part "（2/3）" within the limit; a message that mentions people is held to the
            // smaller limit under which the platform still notifies them (WeCom text).
            var parts = MessageSplitter.Split(message.Markdown, channel.Messenger.MaxBytesFor(message));
            for (var i = 0; i < parts.Count; i++)
            {
                var numbered = parts.Count > 1;
                yield return new OutboxRow
                {
                    Key = numbered ? $"{key}#{i + 1}/{parts.Count}" : key,
                    SourceKey = sourceKey,
                    ChannelId = channel.Id,
                    Kind = kind,
                    Title = numbered ? $"{message.Title}（{i + 1}/{parts.Count}）" : message.Title,
                    Text = parts[i],
                    // Only the first part notifies: one ping per announcement, not one per part.
                    Mentions = i == 0 ? mentions : "[]",
                    Part = i + 1,
                    Parts = parts.Count,
                    DueAt = StoredTime.Format(due),
                };
            }
        }
    }

    public static OutgoingMessage Message(OutboxRow row) =>
        new(row.Title, row.Text, MentionsJson.Deserialize(row.Mentions));

    /// <summary>The longest prefix of <paramref name="backlog"/> whose digest fits in <paramref name="maxBytes"/> (at least one row).</summary>
    public static IReadOnlyList<OutboxRow> FitDigest(IReadOnlyList<OutboxRow> backlog, IPlatformMessenger messenger)
    {
        var taken = new List<OutboxRow> { backlog[0] };
        for (var i = 1; i < backlog.Count; i++)
        {
            taken.Add(backlog[i]);
            var digest = Digest(taken);
            if (Encoding.UTF8.GetByteCount(digest.Markdown) > messenger.MaxBytesFor(digest)) { taken.RemoveAt(taken.Count - 1); break; }
        }
        return taken;
    }

    /// <summary>
    /// SPEC section 2: a row posted on a later day than it was due (a monthly notice sent on 2 December) says so under its
    /// heading, with the day it was meant for, so that nobody reads a stale "本月" as news. The heading stays first: it is
    /// what WeCom shows in the chat list. A part already at the platform's size limit goes out without the line rather
    /// than not at all; several late rows go as a <see cref="Digest"/>, whose heading says they are late.
    /// </summary>
    public static OutgoingMessage MarkedLate(OutgoingMessage message, DateOnly due, IPlatformMessenger messenger)
    {
        var note = $"> 补发：这条通知原定 {Markdown.Date(due)} 发出，未能按时发送。\n\n";
        var text = message.Markdown;
        var afterHeading = text.StartsWith("### ", StringComparison.Ordinal) && text.IndexOf("\n\n", StringComparison.Ordinal) is > 0 and var end
            ? end + 2
            : 0;
        var marked = message with { Markdown = text.Insert(afterHeading, note) };
        return Encoding.UTF8.GetByteCount(marked.Markdown) <= messenger.MaxBytesFor(marked) ? marked : message;
    }

    /// <summary>One message for several rows: a heading saying they are late, then each in due order, separated by rules.</summary>
    public static OutgoingMessage Digest(IReadOnlyList<OutboxRow> rows)
    {
        if (rows.Count == 1) return Message(rows[0]);
        var title = $"补发通知（{rows.Count}条）";
        var text = new StringBuilder($"### {title}\n> 以下通知因机器人离线或群机器人限流未能按时发出，现合并补发。\n");
        foreach (var row in rows)
            text.Append("\n---\n").Append(row.Text).Append('\n');
        var mentions = rows.SelectMany(r => MentionsJson.Deserialize(r.Mentions)).Distinct().ToList();
        return new OutgoingMessage(title, text.ToString().TrimEnd('\n'), mentions);
    }
}
