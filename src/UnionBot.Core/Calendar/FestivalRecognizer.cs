using System.Text.RegularExpressions;
using UnionBot.Core.Plan;

namespace UnionBot.Core.Calendar;

/// <summary>
/// Which festival (SPEC section 5 id) an activity is about, however it is written: “三﹒八” "三·八" 三、八 三八 妇女节,
/// 庆“十一”, 党的生日, 重阳佳节, traditional forms (婦女節). Numeral forms never match inside a longer number or a
/// month name (十一月, 三月份、八月, 六个一). When an item names several, the first one written wins.
/// </summary>
public static partial class FestivalRecognizer
{
    // A numeral festival (三八 五一 五四 六一 七一) is two numerals, maybe with a dot or comma between them, not part of
    // a longer number and not a month (三、八月份).
    private const string NotAfterNumeral = @"(?<![零〇一二三四五六七八九十百两\d])";
    private const string NotBeforeNumeral = @"(?![零〇一二三四五六七八九十百两\d]|\s?月)";
    private const string Dot = @"\s?[·・.、,\-—‧•∙]?\s?";

    // Generated at build time, as the reader's other patterns are: nothing is compiled when the first plan is read.
    private static readonly (string Id, Regex Pattern)[] Patterns =
    [
        ("womens-day", WomensDay()),
        ("arbor-day", ArborDay()),
        ("labour-day", LabourDay()),
        ("youth-day", YouthDay()),
        ("childrens-day", ChildrensDay()),
        ("party-day", PartyDay()),
        ("teachers-day", TeachersDay()),
        ("national-day", NationalDay()),
        ("double-ninth", DoubleNinth()),
        ("mid-autumn", MidAutumn()),
        ("dragon-boat", DragonBoat()),
        ("spring-festival", SpringFestival()),
        ("new-year", NewYear()),
    ];

    /// <returns>The festival id, or null when the text is about none.</returns>
    public static string? Recognize(string text)
    {
        var norm = PlanChars.Normalize(text);
        string? best = null;
        var bestAt = int.MaxValue;
        foreach (var (id, pattern) in Patterns)
        {
            var m = pattern.Match(norm);
            if (m.Success && m.Index < bestAt)
            {
                best = id;
                bestAt = m.Index;
            }
        }
        return best;
    }

    [GeneratedRegex($"{NotAfterNumeral}三{Dot}八{NotBeforeNumeral}|妇女节|女神节|(?<![\\d.])3[·・.]8(?=[\"”’」』]|节|妇)")]
    private static partial Regex WomensDay();

    [GeneratedRegex("植树")]
    private static partial Regex ArborDay();

    [GeneratedRegex($"{NotAfterNumeral}五{Dot}一{NotBeforeNumeral}|劳动节|(?<![\\d.])5[·・.]1(?=[\"”’」』]|节|劳)")]
    private static partial Regex LabourDay();

    [GeneratedRegex($"{NotAfterNumeral}五{Dot}四{NotBeforeNumeral}|青年节")]
    private static partial Regex YouthDay();

    [GeneratedRegex($"{NotAfterNumeral}六{Dot}一{NotBeforeNumeral}|儿童节")]
    private static partial Regex ChildrensDay();

    [GeneratedRegex($"{NotAfterNumeral}七{Dot}一{NotBeforeNumeral}|党的生日|党的\\d+岁生日|(?<!党)建党")]
    private static partial Regex PartyDay();

    [GeneratedRegex("教师节")]
    private static partial Regex TeachersDay();

    // 十一 is National Day only when quoted, after 庆/迎/贺, or written 十·一 — never 十一月 or the number eleven.
    [GeneratedRegex($"国庆|[\"“‘'「『]\\s?十{Dot}一\\s?[\"”’'」』]|(?<=[庆迎贺])十一{NotBeforeNumeral}|{NotAfterNumeral}十[·・.]一{NotBeforeNumeral}")]
    private static partial Regex NationalDay();

    [GeneratedRegex("重阳|敬老节|老人节|老年节")]
    private static partial Regex DoubleNinth();

    [GeneratedRegex("中秋")]
    private static partial Regex MidAutumn();

    [GeneratedRegex("端午|端阳")]
    private static partial Regex DragonBoat();

    [GeneratedRegex("春节|农历新年|农历年|新春|除夕")]
    private static partial Regex SpringFestival();

    [GeneratedRegex("元旦|(?<!农历)新年(?!度|级)")]
    private static partial Regex NewYear();
}
