using System.Net.Http.Json;
using System.Text.Json;
using UnionBot.Tests.Support;

namespace UnionBot.Tests.Commands;

public sealed class UnreadablePlanTests
{
    [Fact]
    public async Task PlanCommandSaysThePlanCannotBeReadInsteadOfShowingAnEmptyPlan()
    {
        using var dir = new TempDirectory();
        var plan = dir.File("plan.txt");
        await File.WriteAllBytesAsync(plan, [0x00, 0x01, 0xFF, 0x00]);
        using var factory = new UnionBotFactory(settings: new Dictionary<string, string?> { ["UnionBot:Plan:Path"] = plan });
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/local/messages", new { userId = "teacher-li", text = "/计划" });

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("工作计划暂时读不到", json.RootElement.GetProperty("reply").GetProperty("text").GetString());
    }
}
