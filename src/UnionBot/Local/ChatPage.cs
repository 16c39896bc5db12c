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

    private static readonly string Template = ReadTemplate();

    public string Render()
    {
        var example = plan.SignUpExample(ZonedTime.DateIn(time.GetUtcNow(), options.Value.FindZone()));
        return Template.Replace(ExampleSlot,
            example is null ? "" : $"、<code>/报名 {WebUtility.HtmlEncode(example)}</code>", StringComparison.Ordinal);
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("UnionBot.Local.chat.html")
            ?? throw new InvalidOperationException("chat.html is not embedded");
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd();
        return html.Contains(ExampleSlot, StringComparison.Ordinal) ? html : throw new InvalidOperationException("chat.html has no " + ExampleSlot);
    }
}
