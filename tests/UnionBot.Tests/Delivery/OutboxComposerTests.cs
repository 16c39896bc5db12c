using UnionBot.Core.Storage;
using System.Text;
using UnionBot.Core.Announcements;
using UnionBot.Core.Options;
using UnionBot.Core.Platforms;

namespace UnionBot.Tests.Delivery;

public sealed class OutboxComposerTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 2, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AMessageOverThePlatformLimitBecomesNumberedPartsEachWithinIt()
    {
        var text = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"{i}. 教职工乒乓球赛报名第{i}组"));
        var channel = Channel("wecom-all", maxBytes: 300);

        var rows = OutboxComposer.Rows("announce:long", "announce", new("长通知", text, ["zhangsan"]), Due, [channel]).ToList();

        Assert.True(rows.Count > 1);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => $"announce:long:wecom-all#{i}/{rows.Count}"), rows.Select(r => r.Key));
        Assert.All(rows, r => Assert.InRange(Encoding.UTF8.GetByteCount(r.Text), 1, 300));
        Assert.Equal("[\"zhangsan\"]", rows[0].Mentions);
        Assert.All(rows.Skip(1), r => Assert.Equal("[]", r.Mentions)); // one notification per announcement, not per part
    }

    [Fact]
    public void MentionsAreStoredExactlyAsTheReflectionSerializerWroteThemAndReadBack()
    {
        IReadOnlyList<string> mentions = ["zhangsan", "李老师", "o\"k\\", "a<b>&'"];

        var json = MentionsJson.Serialize(mentions);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(mentions), json);
        Assert.Equal(mentions, MentionsJson.Deserialize(json));
        Assert.Equal("[]", MentionsJson.Serialize([]));
        Assert.Empty(MentionsJson.Deserialize("[]"));
    }

    [Fact]
    public void AShortMessageIsOneRowPerChannelKeyedByChannel()
    {
        var rows = OutboxComposer.Rows("monthly:2026-03", "monthly", new("三月", "三月份活动"), Due,
            [Channel("wecom-all", 4096), Channel("ding-union", 20000)]).ToList();

        Assert.Equal(["monthly:2026-03:wecom-all", "monthly:2026-03:ding-union"], rows.Select(r => r.Key));
    }

    [Fact]
    public void ADigestTakesOnlyAsManyRowsAsFitOneMessage()
    {
        var backlog = Enumerable.Range(1, 10).Select(i => new OutboxRow
        {
            Id = i, Key = $"m:{i}:c", SourceKey = $"m:{i}", ChannelId = "c", Kind = "monthly", Title = $"{i}月",
            Text = new string('会', 50), DueAt = StoredTime.Format(Due.AddDays(i)),
        }).ToList();

        var taken = OutboxComposer.FitDigest(backlog, new SizedMessenger(700));

        Assert.InRange(taken.Count, 2, 9);
        Assert.True(Encoding.UTF8.GetByteCount(OutboxComposer.Digest(taken).Markdown) <= 700);
        Assert.Equal(backlog.Take(taken.Count), taken);
    }

    [Fact]
    public void AWeComMessageThatMentionsSomeoneIsSplitAtTheTextLimitSoTheMentionStillNotifies()
    {
        var text = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"{i}. 第{i}位老师已从候补转为正式报名"));
        var messenger = new UnionBot.Core.Platforms.WeCom.WeComRobotClient(() => new HttpClient(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<UnionBot.Core.Platforms.WeCom.WeComRobotClient>.Instance);
        var channel = new DeliveryChannel(new ChannelOptions { Id = "wecom-all", Platform = PlatformKind.WeCom }, messenger, 18, TimeSpan.FromMinutes(1));
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 2049, 4096); // one markdown message, but too long for text

        var withMention = OutboxComposer.Rows("announce:m", "announce", new("候补", text, ["zhangsan"]), Due, [channel]).ToList();
        var without = OutboxComposer.Rows("announce:n", "announce", new("候补", text), Due, [channel]).ToList();

        Assert.True(withMention.Count > 1);
        Assert.All(withMention, r => Assert.InRange(Encoding.UTF8.GetByteCount(r.Text), 1, 2048));
        var first = UnionBot.Core.Platforms.WeCom.WeComRobotClient.BuildPayload(OutboxComposer.Message(withMention[0]));
        Assert.Equal("text", first.MsgType); // sent as text with mentioned_list, which notifies
        Assert.Single(without);
    }

    private static DeliveryChannel Channel(string id, int maxBytes) =>
        new(new ChannelOptions { Id = id, Platform = PlatformKind.WeCom }, new SizedMessenger(maxBytes), 18, TimeSpan.FromMinutes(1));

    private sealed class SizedMessenger(int maxBytes) : IPlatformMessenger
    {
        public PlatformKind Platform => PlatformKind.WeCom;
        public int MaxMessageBytes => maxBytes;
        public Task<SendResult> SendAsync(ChannelOptions channel, UnionBot.Core.Announcements.OutgoingMessage message, CancellationToken ct) =>
            Task.FromResult(SendResult.Ok);
    }
}
