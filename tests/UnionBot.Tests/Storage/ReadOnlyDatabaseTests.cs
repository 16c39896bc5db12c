using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UnionBot.Core.Storage;
using UnionBot.Tests.Callbacks;

namespace UnionBot.Tests.Storage;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task AReadOnlyDatabaseShowsOnHealthzTeachersGetThePoliteReplyAndItHealsWithinSecondsOfBeingWritableAgain()
    {
        await using var host = await CallbackHost.StartAsync(realPipeline: true);
        Assert.Contains("名额 5 人", await host.SayOnWeComAsync("chair-userid", "/发起报名 教职工气排球赛 名额5"));
        Assert.Contains("报名成功", await host.SayOnWeComAsync("teacher-li", "/报名 气排球赛"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);

        using (new UnwritableFile(host.DatabasePath))
        {
            // The pool hands out connections it opened earlier; the ones it opens from now on are read-only, as after
            // a restart, or once the pool replaced its idle connections, while the file cannot be written.
            // The writer's own connection, opened before, is let go after a moment of quiet, like the pool's.
            var db = host.Services.GetRequiredService<Database>();
            SqliteConnection.ClearPool(new SqliteConnection(db.ConnectionString));
            await WriteQueueTests.WriterLetGoAsync(db);

            var wecom = await host.SayOnWeComAsync("teacher-zhang", "/报名 气排球赛");
            Assert.Contains("稍后再试", wecom);
            Assert.Contains("错误编号", wecom);
            var dingtalk = await host.SayOnDingTalkAsync("teacher-chen", "/报名 气排球赛");
            Assert.Contains("稍后再试", dingtalk.Content);

            var health = await host.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            var database = json.RootElement.GetProperty("checks").GetProperty("database");
            Assert.Equal("unhealthy", database.GetProperty("status").GetString());
            Assert.Contains("cannot be written", database.GetProperty("description").GetString());
        }

        // Writable again: the very next message and health probe work, without waiting for the pool to age out.
        Assert.Contains("报名成功", await host.SayOnWeComAsync("teacher-zhang", "/报名 气排球赛"));
        Assert.Contains("报名成功", (await host.SayOnDingTalkAsync("teacher-chen", "/报名 气排球赛")).Content);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }
}
