using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace UnionBot.Core.Plan;

/// <summary>
/// Word's automatic list numbering (numbering.xml): which paragraphs are list items, at which level, and the number
/// Word shows for each — counted per list, deeper levels starting again under a new item of the level above, and a
/// list instance that overrides its start beginning again. Rendered as Word would show it ("一、", "1.", "（1）", "①"),
/// so the text reader sees the list as the author did.
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = 9;

    private readonly Dictionary<string, (string AbstractId, Dictionary<int, int> Starts)> instances = [];
    private readonly Dictionary<string, Dictionary<int, Level>> abstracts = [];
    private readonly Dictionary<string, Style> styles = [];
    private readonly Dictionary<string, int[]> counters = [];
    private readonly HashSet<string> startedInstances = [];

    public DocxNumbering(MainDocumentPart main)
    {
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
            if (style.StyleId?.Value is { } id) styles[id] = style;
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null) return;
        foreach (var a in numbering.Elements<AbstractNum>())
        {
            if (a.AbstractNumberId?.Value is not { } id) continue;
            var levels = new Dictionary<int, Level>();
            foreach (var l in a.Elements<Level>())
                if (l.LevelIndex?.Value is { } index)
                    levels[index] = l;
            abstracts[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = levels;
        }
        foreach (var n in numbering.Elements<NumberingInstance>())
        {
            if (n.NumberID?.Value is not { } id || n.AbstractNumId?.Val?.Value is not { } abstractId) continue;
            var starts = new Dictionary<int, int>();
            foreach (var o in n.Elements<LevelOverride>())
                if (o.LevelIndex?.Value is { } level && o.StartOverrideNumberingValue?.Val?.Value is { } start)
                    starts[level] = start;
            instances[Key(id)] = (Key(abstractId), starts);
        }
    }

    /// <summary>The number Word shows before the paragraph ("三、", "2.", "（1）"), or "" when it is not a list item.</summary>
    public string Label(Paragraph paragraph)
    {
        if (NumberingOf(paragraph) is not ({ } numId, var ilvl)) return "";
        if (!instances.TryGetValue(numId, out var instance) || !abstracts.TryGetValue(instance.AbstractId, out var levels)) return "";
        if (!levels.TryGetValue(ilvl, out var level)) return "";
        if (!counters.TryGetValue(instance.AbstractId, out var count))
            counters[instance.AbstractId] = count = new int[Levels];
        // A list instance that sets its own start (Word's "restart numbering") begins again the first time it is used.
        if (instance.Starts.Count > 0 && startedInstances.Add(numId))
            for (var i = 0; i < Levels; i++) count[i] = 0;
        if (count[ilvl] == 0) count[ilvl] = (instance.Starts.TryGetValue(ilvl, out var s) ? s : Start(level)) - 1;
        count[ilvl]++;
        for (var i = ilvl + 1; i < Levels; i++) count[i] = 0;
        var format = level.NumberingFormat?.Val?.InnerText ?? "decimal";
        if (format == "none") return "";
        var text = level.LevelText?.Val?.Value ?? "";
        if (format == "bullet") return text.Length > 0 ? "• " : "";
        for (var i = 0; i < Levels; i++)
        {
            var placeholder = "%" + (i + 1);
            if (!text.Contains(placeholder, StringComparison.Ordinal)) continue;
            var shown = i == ilvl ? count[i] : Math.Max(1, count[i]);
            var f = levels.TryGetValue(i, out var other) ? other.NumberingFormat?.Val?.InnerText ?? "decimal" : "decimal";
            text = text.Replace(placeholder, Format(shown, f), StringComparison.Ordinal);
        }
        return text;
    }

    private static int Start(Level level) => level.StartNumberingValue?.Val?.Value ?? 1;

    /// <summary>The paragraph's own numbering, else its style's (a numbered heading or list style), following basedOn.</summary>
    private (string NumId, int Level)? NumberingOf(Paragraph paragraph)
    {
        var props = paragraph.ParagraphProperties?.NumberingProperties;
        var numId = props?.NumberingId?.Val?.Value;
        var ilvl = props?.NumberingLevelReference?.Val?.Value;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; (numId is null || ilvl is null) && styleId is not null && depth < 10; depth++)
        {
            if (!styles.TryGetValue(styleId, out var style)) break;
            var sp = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= sp?.NumberingId?.Val?.Value;
            ilvl ??= sp?.NumberingLevelReference?.Val?.Value;
            styleId = style.BasedOn?.Val?.Value;
        }
        // numId 0 switches numbering off for a paragraph whose style has it.
        if (numId is null or 0) return null;
        return (Key(numId.Value), Math.Clamp(ilvl ?? 0, 0, Levels - 1));
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A counter in Word's number formats that Chinese plans use, decimal for the rest.</summary>
    public static string Format(int n, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "taiwaneseCounting" or "taiwaneseCountingThousand" or "ideographDigital" => Chinese(n),
        "chineseLegalSimplified" => Chinese(n).Replace('一', '壹').Replace('二', '贰').Replace('三', '叁').Replace('四', '肆').Replace('五', '伍').Replace('六', '陆').Replace('七', '柒').Replace('八', '捌').Replace('九', '玖').Replace('十', '拾'),
        "ideographTraditional" => n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => n is >= 1 and <= 20 ? ((char)(0x245F + n)).ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "decimalEnclosedParen" => n is >= 1 and <= 20 ? ((char)(0x2473 + n)).ToString() : $"({n})",
        "decimalEnclosedFullstop" => n is >= 1 and <= 20 ? ((char)(0x2487 + n)).ToString() : $"{n}.",
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c + 0xFEE0))),
        "decimalZero" => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
        "upperLetter" => Letter(n, 'A'),
        "lowerLetter" => Letter(n, 'a'),
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Chinese(int n)
    {
        const string Digits = "零一二三四五六七八九";
        if (n is <= 0 or >= 100) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return Digits[n].ToString();
        var tens = n / 10 == 1 ? "十" : Digits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + Digits[n % 10];
    }

    private static string Letter(int n, char a) => n is >= 1 and <= 26 ? ((char)(a + n - 1)).ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Roman(int n)
    {
        var values = new[] { (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var s = new System.Text.StringBuilder();
        foreach (var (v, r) in values)
            while (n >= v) { s.Append(r); n -= v; }
        return s.ToString();
    }
}
