using UnionBot.Core.Calendar;

namespace UnionBot.Core.Plan;

/// <summary>
/// An item about two festivals ("1、端午节慰问；中秋节慰问", "庆祝三八节，植树节义务植树") is two activities, so each
/// festival gets its greeting and reminder. It is cut at its commas, semicolons and full stops only when every part
/// names a festival of its own; an item with one festival, or with parts that name none, stays whole as written.
/// </summary>
internal static class FestivalParts
{
    private const string Breaks = ",;。";

    public static List<(string Title, string? Festival)> Of(string text)
    {
        var festival = FestivalRecognizer.Recognize(text);
        if (festival is null) return [(text, null)];
        var parts = RunningText.Pieces(text, Breaks);
        if (parts.Count < 2) return [(text, festival)];
        var festivals = parts.Select(p => FestivalRecognizer.Recognize(p.Text)).ToList();
        if (festivals.Any(f => f is null) || festivals.Distinct().Count() < festivals.Count) return [(text, festival)];
        return parts.Select((p, i) => (p.Text, festivals[i])).ToList();
    }
}
