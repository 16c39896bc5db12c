using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UnionBot.Core.Schedule;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Schedule;

public sealed class ScheduleStartupTests
{
    private static (UnionBotFactory Factory, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host, RecordingLoggerProvider Log) Start(
        IDictionary<string, string?>? settings = null)
    {
        var log = new RecordingLoggerProvider();
        var factory = new UnionBotFactory(settings: settings);
        var host = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        return (factory, host, log);
    }

    [Fact]
    public async Task AtStartTheLogListsTheYearsUpcomingAnnouncements()
    {
        // The factory's clock: 1 March 2026 08:00 in Shanghai, so the February notice is past and 20 of 21 are to come.
        var (factory, host, log) = Start();
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            await client.GetAsync("/healthz");

            var info = log.At(LogLevel.Information).ToList();
            Assert.Contains("Schedule for 2026: 21 announcements, 20 still to come", info);
            var lines = info.Where(l => l.StartsWith("  2026-", StringComparison.Ordinal) || l.StartsWith("  2027-", StringComparison.Ordinal)).ToList();
            Assert.Equal(20, lines.Count);
            Assert.Equal("  2026-03-02 08:30 monthly 三月份工会活动安排", lines[0]);
            Assert.Equal("  2027-01-01 08:00 festival 元旦快乐", lines[^1]);
            Assert.DoesNotContain(lines, l => l.StartsWith("  2026-02", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StartRecordsThePlanLoadAndHealthShowsThePlan()
    {
        var (factory, host, _) = Start();
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

            var plan = json.RootElement.GetProperty("checks").GetProperty("plan");
            Assert.Equal("healthy", plan.GetProperty("status").GetString());
            Assert.Equal(21, plan.GetProperty("data").GetProperty("announcements").GetInt32());
            Assert.Equal(0, plan.GetProperty("data").GetProperty("warnings").GetArrayLength());
            Assert.Equal(21, host.Services.GetRequiredService<IYearScheduleSource>().Current.Announcements.Count);
            await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM plan_loads"));
        }
    }

    [Fact]
    public async Task AnUnreadablePlanIsOneErrorLineAndTheBotKeepsRunningWithNoAnnouncements()
    {
        using var dir = new TempDirectory();
        var binary = dir.File("plan.txt");
        await File.WriteAllBytesAsync(binary, [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x00]);
        var (factory, host, log) = Start(new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = binary });
        using (factory)
        using (host)
        {
            using var client = host.CreateClient();
            var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("degraded", json.RootElement.GetProperty("checks").GetProperty("plan").GetProperty("status").GetString());
            Assert.Empty(host.Services.GetRequiredService<IYearScheduleSource>().Current.Announcements);
            var error = Assert.Single(log.Lines, l => l.Level >= LogLevel.Error && l.Category.StartsWith("UnionBot", StringComparison.Ordinal));
            Assert.Contains(binary, error.Message);
        }
    }
}
