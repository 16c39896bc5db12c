using System.Net;
using System.Text.Json;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Hosting;

public sealed class HostStartsTests
{
    [Fact]
    public async Task HealthzAnswersOkAndTheDatabaseIsMigrated()
    {
        using var factory = new UnionBotFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var version = await TestDatabase.ScalarAsync<int>(factory.DatabasePath, "PRAGMA user_version;");
        Assert.Equal(UnionBot.Core.Storage.Database.Scripts().Max(s => s.Version), version);
        var tables = await TestDatabase.QueryAsync<string>(factory.DatabasePath, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Contains("plan_loads", tables);
    }

    [Fact]
    public void MigrationsAreNumberedWithoutGaps()
    {
        // Scripts() already sorts and refuses duplicates; a gap is what it lets through (a migration lost in a merge).
        var versions = UnionBot.Core.Storage.Database.Scripts().Select(s => s.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }
}
