using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Access;
using UnionBot.Core.Storage;
using UnionBot.Tests.Callbacks;

namespace UnionBot.Tests.Storage;

/// <summary>Every instant the bot stores is in the one format of <see cref="StoredTime"/>, whichever feature wrote it.</summary>
public sealed partial class StoredTimeTests
{
    [Fact]
    public void AnInstantIsFormattedExactlyAsThePatternSaysWhateverItsOffset()
    {
        var random = new Random(11);
        DateTimeOffset[] edges =
        [
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(999, 1, 2, 3, 4, 5, 6, TimeSpan.Zero),
            new(2026, 3, 10, 0, 0, 0, 0, TimeSpan.FromHours(8)), new(2026, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
        ];
        var instants = edges.Concat(Enumerable.Range(0, 2000).Select(_ =>
            new DateTimeOffset(random.NextInt64(DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero)
                .ToOffset(TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1)))));

        foreach (var at in instants)
        {
            var text = StoredTime.Format(at);
            Assert.Equal(at.UtcDateTime.ToString(StoredTime.Pattern, System.Globalization.CultureInfo.InvariantCulture), text);
            Assert.Equal(at.UtcDateTime.Ticks / TimeSpan.TicksPerMillisecond, StoredTime.Parse(text).UtcTicks / TimeSpan.TicksPerMillisecond);
        }
    }

    [Fact]
    public async Task EveryTimeColumnTheBotWritesHoldsTheOneStoredFormat()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
        Assert.Contains("开始报名", await host.SayOnWeComAsync("chair-userid", "/发起报名 教职工气排球赛"));
        Assert.Contains("报名成功", await host.SayOnWeComAsync("teacher-li", "/报名 气排球赛"));
        await host.SayOnWeComAsync("chair-userid", "/结束报名 气排球赛");
        Assert.Contains("投票 #1", await host.SayOnWeComAsync("teacher-li", "/投票 春游去哪里 选项：植物园、湿地公园"));
        Assert.Contains("已投票", await host.SayOnWeComAsync("teacher-zhang", "/投 1 1"));
        Assert.Contains("结束", await host.SayOnWeComAsync("chair-userid", "/结束投票 1"));
        var receipt = ReceiptRegex().Match(await host.SayOnWeComAsync("teacher-chen", "/建议 办公室添置饮水机")).Value;
        Assert.Contains("已回复", await host.SayOnWeComAsync("chair-userid", $"/建议 回复 {receipt} 本月内安装"));
        Assert.Contains("公告已提交", await host.SayOnWeComAsync("chair-userid", "/公告 周五下午三点开教代会"));
        var links = host.Services.GetRequiredService<ConsoleLinks>();
        var link = await links.IssueAsync("chair-userid", ConsoleLinks.DefaultLifetime);
        Assert.Equal("chair-userid", await links.ConsumeAsync(link.Url[(link.Url.IndexOf("token=", StringComparison.Ordinal) + 6)..]));

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        var seen = new List<string>();
        foreach (var table in await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            var columns = (await connection.QueryAsync<(long Cid, string Name, string Type)>($"SELECT cid, name, type FROM pragma_table_info('{table}')"))
                .Where(c => c.Name == "at" || c.Name.EndsWith("_at", StringComparison.Ordinal));
            foreach (var column in columns)
            {
                var values = (await connection.QueryAsync<string>($"SELECT {column.Name} FROM {table} WHERE {column.Name} IS NOT NULL")).ToList();
                foreach (var value in values)
                    Assert.True(StoredFormat().IsMatch(value), $"{table}.{column.Name} holds '{value}'");
                if (values.Count > 0) seen.Add($"{table}.{column.Name}");
            }
        }
        // The check saw the writes of every feature above, not an empty database.
        Assert.Superset(new HashSet<string>
        {
            "health_probe.written_at", "processed_messages.received_at", "signups.opened_at", "signups.closed_at",
            "signup_entries.joined_at", "polls.created_at", "polls.closed_at", "poll_voters.voted_at", "suggestions.created_at",
            "suggestions.replied_at", "audit_log.at", "outbox.due_at", "outbox.created_at", "outbox.updated_at",
            "console_links.created_at", "console_links.expires_at", "console_links.used_at", "plan_loads.loaded_at",
        }, seen.ToHashSet());
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex StoredFormat();

    [GeneratedRegex(@"JY-\d{4}-\d{4}")]
    private static partial Regex ReceiptRegex();
}
