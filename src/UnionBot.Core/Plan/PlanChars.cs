using System.Collections.Frozen;

namespace UnionBot.Core.Plan;

/// <summary>
/// A matching copy of plan text: full-width ASCII becomes half-width, U+3000 a space, traditional characters the
/// simplified ones the reader looks for. The copy has the same length as the original, so a position found in it
/// cuts the original — titles keep exactly what the author wrote.
/// </summary>
public static class PlanChars
{
    // Only characters that occur in the words the reader and the festival recognizer match; not a converter.
    private const string Traditional = "婦勞動節兒黨師國慶陽農曆歷樹靑備註錄權計劃總結學會說時間點負責務與個賀誕舉辦團歡職參體檢訪問屆當長優據書讀週號議開組織遊賽聯講審費選評薦報佈療養觀";
    private const string Simplified = "妇劳动节儿党师国庆阳农历历树青备注录权计划总结学会说时间点负责务与个贺诞举办团欢职参体检访问届当长优据书读周号议开组织游赛联讲审费选评荐报布疗养观";

    private static readonly FrozenDictionary<char, char> ToSimplified =
        Traditional.Zip(Simplified).ToFrozenDictionary(p => p.First, p => p.Second);

    public static string Normalize(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = Normalize(source[i]);
        });

    public static char Normalize(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
        '\uFE52' => '.',
        '\uFE50' => ',',
        '\uFE51' => '、',
        '\uFE54' => ';',
        '\uFE55' => ':',
        _ => ToSimplified.TryGetValue(c, out var s) ? s : c,
    };

    /// <summary>The value of a Chinese numeral character 零〇一…九, or -1.</summary>
    public static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1, '二' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => -1,
    };

    /// <summary>
    /// One or two ASCII digits, not zero, and no third after them: item numbers, months and days stay small, and
    /// "2022, 向美而行" must not read as item 2022.
    /// </summary>
    public static bool TrySmallNumber(string s, ref int p, out int n)
    {
        n = 0;
        var start = p;
        while (p < s.Length && char.IsAsciiDigit(s[p]) && p - start < 3) n = n * 10 + (s[p++] - '0');
        return p - start is 1 or 2 && n > 0;
    }

    /// <summary>Reads a Chinese number from 一 to 九十九 at <paramref name="i"/> (greedy: 十二 is 12, not 10 then 2).</summary>
    public static bool TryChineseNumber(string s, ref int i, out int value)
    {
        value = 0;
        var p = i;
        var tens = 0;
        if (p < s.Length && Digit(s[p]) is > 0 and var t && p + 1 < s.Length && s[p + 1] == '十')
        {
            tens = t;
            p += 2;
        }
        else if (p < s.Length && s[p] == '十')
        {
            tens = 1;
            p++;
        }
        var ones = p < s.Length ? Digit(s[p]) : -1;
        if (ones > 0) p++;
        else ones = 0;
        if (p == i) return false;
        value = tens * 10 + ones;
        i = p;
        return value > 0;
    }
}
