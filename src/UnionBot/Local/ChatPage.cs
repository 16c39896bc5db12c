using System.Net;
using Microsoft.Extensions.Options;
using UnionBot.Core.Calendar;
using UnionBot.Core.Commands;
using UnionBot.Core.Options;

namespace UnionBot.Local;

/// <summary>
/// The local chat page (SPEC section 6). Its opening hint suggests signing up for an event of the running plan this or
/// next month, so a first try on the page meets an activity the bot knows; without one the hint leaves /报名 out.
/// </summary>
public sealed class ChatPage(PlanCalendar plan, TimeProvider time, IOptions<UnionBotOptions> options)
{
    private const string ExampleSlot = "<!--signup-example-->";
    // The page shows each message's time in the bot's zone, not the browser's: the machine serving the page may run
    // on UTC while the chair reads Beijing time everywhere else (SPEC: times in UnionBot:TimeZone).
    private const string ZoneSlot = "<!--time-zone-->";

    private static readonly string Template = ReadTemplate();

    public string Render()
    {
        var zone = options.Value.FindZone();
        var example = plan.SignUpExample(ZonedTime.DateIn(time.GetUtcNow(), zone));
        return Template
            .Replace(ExampleSlot, example is null ? "" : $"、<code>/报名 {WebUtility.HtmlEncode(example)}</code>", StringComparison.Ordinal)
            .Replace(ZoneSlot, WebUtility.HtmlEncode(IanaId(zone)), StringComparison.Ordinal);
    }

    /// <summary>The browser's Intl API knows IANA names only; a zone configured by its Windows name is converted, and one without an IANA name leaves the browser's zone.</summary>
    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : "";

    private static string ReadTemplate()
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("UnionBot.Local.chat.html")
            ?? throw new InvalidOperationException("chat.html is not embedded");
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd();
        foreach (var slot in (string[])[ExampleSlot, ZoneSlot])
            if (!html.Contains(slot, StringComparison.Ordinal)) throw new InvalidOperationException("chat.html has no " + slot);
        return html;
    }
}
