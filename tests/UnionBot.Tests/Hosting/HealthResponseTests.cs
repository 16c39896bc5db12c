using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using UnionBot.Endpoints;

namespace UnionBot.Tests.Hosting;

/// <summary>/healthz's body is written field by field; its bytes are those the framework's JSON result wrote.</summary>
public sealed class HealthResponseTests
{
    [Fact]
    public async Task TheBodyIsByteForByteWhatTheSerializerWroteForTheSameReport()
    {
        IReadOnlyList<string> warnings = ["第3行：看不懂的月份", "“六一” \"亲子\" <活动>"];
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(HealthStatus.Healthy, "a test write committed", TimeSpan.Zero, null, null),
            ["plan"] = new(HealthStatus.Degraded, "the annual plan cannot be read: no such file: 'seeds/计划.docx'", TimeSpan.Zero, null,
                new Dictionary<string, object> { ["year"] = 2026, ["announcements"] = 21, ["warnings"] = warnings, ["source"] = "plan file" }),
            ["channels"] = new(HealthStatus.Degraded, "wecom-all failing (errcode 93000)", TimeSpan.Zero, null,
                new Dictionary<string, object> { ["wecom-all"] = "failing: 机器人 webhook 地址无效" }),
            ["long-connections"] = new(HealthStatus.Healthy, null, TimeSpan.Zero, null, null),
            ["other"] = new(HealthStatus.Unhealthy, "down", TimeSpan.Zero, null,
                new Dictionary<string, object> { ["since"] = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), ["tries"] = 3L }),
        }, TimeSpan.Zero);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddOptions().BuildServiceProvider() };
        var body = new MemoryStream();
        context.Response.Body = body;

        await HealthEndpoints.WriteAsync(context, report);

        var expected = JsonSerializer.Serialize(new
        {
            status = "unavailable",
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, new JsonOptions().SerializerOptions);
        Assert.Equal(expected, Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
    }
}
