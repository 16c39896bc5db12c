using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using UnionBot.Core.Storage;
using UnionBot.Tests.Commands;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Storage;

/// <summary>Migration 0006: the entry count kept on the sign-up row instead of counted on every /报名.</summary>
public sealed class SignUpEntryCountTests
{
    [Fact]
    public async Task TheCountFollowsEverySignUpCancellationAndPromotion()
    {
        using var bot = new CommandsHarness();
        await bot.Say(CommandsHarness.Admin, "/发起报名 乒乓球赛 名额2");
        foreach (var user in new[] { "a", "b", "c", "d", "e" }) await bot.Say(user, "/报名 乒乓球赛");
        await bot.Say("b", "/取消报名 乒乓球赛");   // a place freed: c moves up
        await bot.Say("d", "/取消报名 乒乓球赛");   // a waiting teacher leaves
        await bot.Say("a", "/报名 乒乓球赛");       // twice: no second entry
        await bot.Say("f", "/报名 乒乓球赛");

        var row = Assert.Single(await bot.Query<(long Kept, long Counted)>(
            "SELECT entry_count, (SELECT COUNT(*) FROM signup_entries e WHERE e.signup_id = s.id) FROM signups s"));
        Assert.Equal(4, row.Counted); // a, c, e, f
        Assert.Equal(row.Counted, row.Kept);
        Assert.Contains("已报名 2/2 人", await bot.Say("a", "/名单 乒乓球赛"));
        Assert.Contains("乒乓球赛（2/2 人）", await bot.Say("a", "/本月"));
    }

    [Fact]
    public void ADatabaseFromBeforeTheMigrationGetsItsCountsFromTheEntriesAlreadyThere()
    {
        using var dir = new TempDirectory();
        var connectionString = $"Data Source={dir.File("old.db")};Pooling=False";
        using (var c = new SqliteConnection(connectionString))
        {
            c.Open();
            foreach (var (version, _, sql) in Database.Scripts().Where(s => s.Version <= 5)) c.Execute(sql);
            c.Execute("PRAGMA user_version = 5;");
            c.Execute("""
                INSERT INTO signups (id, year, activity, is_open, opened_at) VALUES (1, 2026, '乒乓球赛', 1, '2026-03-01T00:00:00+08:00'),
                                                                                 (2, 2026, '羽毛球赛', 1, '2026-03-01T00:00:00+08:00');
                INSERT INTO signup_entries (signup_id, user_id, channel_id, joined_at)
                VALUES (1, 'a', 'wecom-all', 'x'), (1, 'b', 'wecom-all', 'x'), (1, 'c', 'wecom-all', 'x');
                """);
        }

        var database = new Database(connectionString, NullLogger<Database>.Instance);
        database.Migrate();

        using var after = database.Open();
        Assert.Equal([(1L, 3L), (2L, 0L)], after.Query<(long, long)>("SELECT id, entry_count FROM signups ORDER BY id").ToList());
        after.Execute("INSERT INTO signup_entries (signup_id, user_id, channel_id, joined_at) VALUES (2, 'a', 'wecom-all', 'x');");
        after.Execute("DELETE FROM signup_entries WHERE user_id = 'b';");
        Assert.Equal([(1L, 2L), (2L, 1L)], after.Query<(long, long)>("SELECT id, entry_count FROM signups ORDER BY id").ToList());
    }
}
