using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>The plan's JSON in the database (plan_versions, plan_loads) is read with compile-time metadata; its form is fixed.</summary>
public sealed class PlanJsonTests
{
    private static readonly AnnualPlan Plan = new("2026年工会工作计划", 2026,
    [
        new([new PlanMonth(3)], "三八妇女节慰问", "womens-day"),
        new([new PlanMonth(7), new PlanMonth(8)], "暑期教职工疗休养", null, ScheduleIndex: 1, SignUp: false),
        new([new PlanMonth(1, YearOffset: 1)], "元旦迎新长跑", null),
    ], ["第12行：看不懂的月份"]);

    [Fact]
    public void APlanIsWrittenExactlyAsTheReflectionSerializerWroteIt()
    {
        var reflection = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };

        var json = PlanJson.Serialize(Plan);

        Assert.Equal(JsonSerializer.Serialize(Plan, reflection), json);
        Assert.Contains("\"Title\":\"三八妇女节慰问\"", json);
    }

    [Fact]
    public void ThePlansWarningsAreWrittenExactlyAsTheReflectionSerializerWroteThem()
    {
        IReadOnlyList<string> warnings = ["第12行：看不懂的月份", "“六一”活动 \"亲子\" 没有月份", @"C:\计划\2026.docx"];
        var reflection = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        Assert.Equal(JsonSerializer.Serialize(warnings, reflection), PlanJson.SerializeWarnings(warnings));
        Assert.Equal("[]", PlanJson.SerializeWarnings([]));
    }

    [Fact]
    public void APlanReadBackIsThePlanThatWasWritten()
    {
        var back = PlanJson.Deserialize(PlanJson.Serialize(Plan));

        Assert.Equal(PlanJson.Serialize(Plan), PlanJson.Serialize(back));
        Assert.Equal([new PlanMonth(7), new PlanMonth(8)], back.Activities[1].Months);
        Assert.False(back.Activities[1].SignUp);
    }

    [Fact]
    public void APlanStoredBeforeScheduleIndexAndSignUpExistedReadsWithTheirDefaults()
    {
        const string Stored = """
            {"Title":"工会计划","Year":2025,"Activities":[{"Months":[{"Month":5}],"Title":"趣味运动会","Festival":null}],"Warnings":[]}
            """;

        var activity = Assert.Single(PlanJson.Deserialize(Stored).Activities);

        Assert.Equal(0, activity.ScheduleIndex);
        Assert.True(activity.SignUp);
        Assert.Equal(new PlanMonth(5, 0), Assert.Single(activity.Months));
    }
}
