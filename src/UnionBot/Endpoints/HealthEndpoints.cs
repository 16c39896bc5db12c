using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UnionBot.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 <c>{"status":"ok",…}</c> while every vital check (database, scheduler) is up, else 503.
    /// A degraded check (a failing channel) keeps 200 but is listed with its reason.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    /// <summary>
    /// <c>{"status":…,"checks":{name:{"status","description","data"}}}</c>, written field by field: through the
    /// serializer the anonymous objects of this body took reflection and emitted accessors at the first /healthz, in a
    /// bot that answers nothing else while it waits (README, "Start-up and memory"). The encoder is the one the
    /// framework's JSON results use, so the bytes are those WriteAsJsonAsync wrote.
    /// </summary>
    internal static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = context.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = json.Encoder }))
            Write(writer, report, json);
        await body.FlushAsync(context.RequestAborted);
    }

    private static void Write(Utf8JsonWriter writer, HealthReport report, JsonSerializerOptions json)
    {
        writer.WriteStartObject();
        writer.WriteString("status", report.Status == HealthStatus.Unhealthy ? "unavailable" : "ok");
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", entry.Status.ToString().ToLowerInvariant());
            writer.WriteString("description", entry.Description);
            writer.WritePropertyName("data");
            if (entry.Data.Count == 0) writer.WriteNullValue();
            else WriteData(writer, entry.Data, json);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The checks' data: texts, whole numbers and lists of texts; anything else through the serializer.</summary>
    private static void WriteData(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> data, JsonSerializerOptions json)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in data)
        {
            writer.WritePropertyName(key);
            switch (value)
            {
                case string text: writer.WriteStringValue(text); break;
                case int number: writer.WriteNumberValue(number); break;
                case long number: writer.WriteNumberValue(number); break;
                case IEnumerable<string> texts:
                    writer.WriteStartArray();
                    foreach (var text in texts) writer.WriteStringValue(text);
                    writer.WriteEndArray();
                    break;
                default: JsonSerializer.Serialize(writer, value, value.GetType(), json); break;
            }
        }
        writer.WriteEndObject();
    }
}
