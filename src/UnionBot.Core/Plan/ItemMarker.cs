namespace UnionBot.Core.Plan;

/// <summary>Numbering styles that count as one sequence: 1. and 1、 and a lost digit are the same list.</summary>
internal enum MarkerFamily { Arabic, ParenArabic, Circled, Chinese, ChineseParen, Roman, LowerRoman, Latin, Bullet }

/// <summary>
/// The numbering at the start of a line: 1. 1、 1， (1) （1） ⑴ ① ⒈ 一、 (一) A. a、 (a) I. ii. a bullet, or a bare "." whose digit was
/// lost. <see cref="Number"/> is null when the line has a marker but no number (a bullet, a lost digit).
/// <see cref="IsBareDigit"/> marks "3开展…" — a digit glued to the text, an item only when it is the expected next number.
/// </summary>
internal readonly record struct ItemMarker(MarkerFamily Family, int? Number, int TextStart, bool IsBareDigit = false)
{
    private const string Bullets = "●•·◆■□◇○▪◎★☆▲△▶►➢➤※√✓-–";
    private const string Units = "年月日号个次人名项天周届点时分元万千百岁期班级组队位场节米";

    /// <summary>An outline number (一、 (一) or Roman I. II.): the plan's sections, not a month's items.</summary>
    public bool IsOutline => Family is MarkerFamily.Chinese or MarkerFamily.ChineseParen or MarkerFamily.Roman;

    /// <param name="s">A normalized line (<see cref="PlanChars.Normalize(string)"/>).</param>
    /// <param name="i">Where its text starts (after indentation).</param>
    public static bool TryRead(string s, int i, out ItemMarker marker)
    {
        marker = default;
        if (i >= s.Length) return false;
        var c = s[i];
        if (c is >= '\u2460' and <= '\u2473') return Found(MarkerFamily.Circled, c - 0x245F, s, i + 1, out marker);
        if (c is >= '\u2776' and <= '\u277F') return Found(MarkerFamily.Circled, c - 0x2775, s, i + 1, out marker);
        if (c is >= '\u2474' and <= '\u2487') return Found(MarkerFamily.ParenArabic, c - 0x2473, s, i + 1, out marker);
        if (c is >= '\u2488' and <= '\u249B') return Found(MarkerFamily.Arabic, c - 0x2487, s, i + 1, out marker);
        if (c is '(' or '（' or '〔' or '[' or '【') return TryParenthesized(s, i, out marker);
        if (char.IsAsciiDigit(c)) return TryArabic(s, i, out marker);
        // A separator with no digit before it: the digit was lost when the plan was copied (seed 000 has ".参加…").
        if (c is '.' or '、' && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]) && !char.IsAsciiDigit(s[i + 1]))
            return Found(MarkerFamily.Arabic, null, s, i + 1, out marker);
        if (Bullets.Contains(c) && i + 1 < s.Length) return Found(MarkerFamily.Bullet, null, s, i + 1, out marker);
        // I. II. III. (Word's upperRoman outlines, or typed Ⅰ、Ⅱ、) number sections as 一、二、 do; i. ii. iii. number
        // sub-items. A lone I, V or X is the numeral, not a letter: a list of letters rarely reaches them, numerals start with I.
        if (c is >= '\u2160' and <= '\u216B' or >= '\u2170' and <= '\u217B')
        {
            var p0 = i + 1 < s.Length && s[i + 1] is '.' or '、' or ')' ? i + 2 : i + 1;
            return FollowedByHan(s, p0) && Found(c <= '\u216B' ? MarkerFamily.Roman : MarkerFamily.LowerRoman, c - (c <= '\u216B' ? 0x215F : 0x216F), s, p0, out marker);
        }
        if (TryRoman(s, i, out var roman, out var upper, out var after) && s[after] is '.' or '、' or ')' && FollowedByHan(s, after + 1))
            return Found(upper ? MarkerFamily.Roman : MarkerFamily.LowerRoman, roman, s, after + 1, out marker);
        // A. B. or a、 b、: letters number a list as digits do (Word's letter numbering is shown so too); only before
        // Chinese text, so that "A、B两组" or an English word is not read as one.
        if (char.IsAsciiLetter(c) && i + 2 < s.Length && s[i + 1] is '.' or '、' or ')' && FollowedByHan(s, i + 2))
            return Found(MarkerFamily.Latin, LetterNumber(c), s, i + 2, out marker);
        var p = i;
        if (PlanChars.TryChineseNumber(s, ref p, out var n) && p < s.Length && s[p] is '、' or '.')
            return Found(MarkerFamily.Chinese, n, s, p + 1, out marker);
        return false;
    }

    private static bool TryParenthesized(string s, int i, out ItemMarker marker)
    {
        marker = default;
        var p = i + 1;
        while (p < s.Length && s[p] == ' ') p++;
        MarkerFamily family;
        int n;
        if (p < s.Length && char.IsAsciiDigit(s[p]))
        {
            family = MarkerFamily.ParenArabic;
            if (!PlanChars.TrySmallNumber(s, ref p, out n)) return false;
        }
        else if (PlanChars.TryChineseNumber(s, ref p, out n)) family = MarkerFamily.ChineseParen;
        else if (p + 1 < s.Length && char.IsAsciiLetter(s[p]) && !char.IsAsciiLetter(s[p + 1]))
        {
            family = MarkerFamily.Latin;
            n = LetterNumber(s[p++]);
        }
        else return false;
        while (p < s.Length && s[p] == ' ') p++;
        if (p >= s.Length || s[p] is not (')' or '）' or '〕' or ']' or '】')) return false;
        p++;
        if (p < s.Length && s[p] is '、' or '.' or ',') p++;
        return Found(family, n, s, p, out marker);
    }

    private static bool TryArabic(string s, int i, out ItemMarker marker)
    {
        marker = default;
        var p = i;
        if (!PlanChars.TrySmallNumber(s, ref p, out var n) || p >= s.Length) return false;
        var sep = s[p];
        // "1.5万元" is a number, not item 1 — but "1.3月，…" is item 1 dated March (no number is followed by 月).
        if (sep is '.' or ',' && p + 1 < s.Length && char.IsAsciiDigit(s[p + 1]) && !IsMonth(s, p + 1)) return false;
        if (sep is '.' or '、' or ',' or ')' or '，') return Found(MarkerFamily.Arabic, n, s, p + 1, out marker);
        if (sep == ' ')
        {
            var q = p;
            while (q < s.Length && s[q] == ' ') q++;
            return q < s.Length && IsHan(s[q]) && Found(MarkerFamily.Arabic, n, s, q, out marker);
        }
        if (IsHan(sep) && !Units.Contains(sep))
        {
            marker = new ItemMarker(MarkerFamily.Arabic, n, p, IsBareDigit: true);
            return true;
        }
        return false;
    }

    private static int LetterNumber(char c) => char.ToLowerInvariant(c) - 'a' + 1;

    /// <summary>A Roman numeral from I to XX in one case, at <paramref name="i"/>, with the index after it.</summary>
    private static bool TryRoman(string s, int i, out int value, out bool upper, out int after)
    {
        value = 0;
        upper = char.IsAsciiLetterUpper(s[i]);
        after = i;
        while (after < s.Length && after - i < 5 && (upper ? "IVX" : "ivx").Contains(s[after])) after++;
        if (after == i || after >= s.Length || char.IsAsciiLetter(s[after])) return false;
        value = Array.IndexOf(RomanNumerals, s[i..after].ToUpperInvariant()) + 1;
        return value > 0;
    }

    private static readonly string[] RomanNumerals =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    private static bool FollowedByHan(string s, int p)
    {
        while (p < s.Length && s[p] == ' ') p++;
        return p < s.Length && IsHan(s[p]);
    }

    private static bool Found(MarkerFamily family, int? n, string s, int p, out ItemMarker marker)
    {
        while (p < s.Length && char.IsWhiteSpace(s[p])) p++;
        marker = new ItemMarker(family, n, p);
        return true; // "2." with nothing after it is an empty item, dropped later — not the text "2.".
    }

    /// <summary>A month (1–12) or a range of them (5—6) in digits, and 月.</summary>
    private static bool IsMonth(string s, int p)
    {
        var q = p;
        if (!PlanChars.TrySmallNumber(s, ref q, out var n) || n > 12 || q >= s.Length) return false;
        if (MonthHeading.RangeSeparators.Contains(s[q]) && q + 1 < s.Length && char.IsAsciiDigit(s[q + 1]))
        {
            q++;
            if (!PlanChars.TrySmallNumber(s, ref q, out n) || n > 12 || q >= s.Length) return false;
        }
        return s[q] == '月';
    }

    internal static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '“' or '"' or '《' or '「';
}
