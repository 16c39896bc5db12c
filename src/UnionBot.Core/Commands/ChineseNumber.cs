namespace UnionBot.Core.Commands;

/// <summary>Small numbers as teachers type them: 20, 二十, 十二, 两百, 一百零五.</summary>
internal static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    public static int? Parse(string text)
    {
        if (text.Length == 0) return null;
        if (text.All(char.IsAsciiDigit)) return text.Length <= 9 ? int.Parse(text) : null;

        int total = 0, current = 0;
        var sawDigit = false;
        foreach (var c in text.Replace('两', '二'))
        {
            var digit = Digits.IndexOf(c);
            if (digit >= 0) { current = digit; sawDigit = true; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (sawDigit || unit != 10 ? current : 1) * unit;
            if (!sawDigit && unit != 10) return null;
            current = 0;
            sawDigit = false;
        }
        return total + current;
    }
}
