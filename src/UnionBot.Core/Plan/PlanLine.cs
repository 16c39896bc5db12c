namespace UnionBot.Core.Plan;

/// <summary>
/// One line of a plan: the original text, its matching copy (<see cref="PlanChars"/>) and where the text starts after
/// indentation (spaces, U+3000) and the stray ? * that copy-paste leaves at line starts.
/// </summary>
internal sealed class PlanLine
{
    private const string Stray = " \t?*#>\uFFFD\u200B\uFEFF\u200E";
    private const string TrailingPunctuation = "。；;";

    private PlanLine(string raw, int source)
    {
        Raw = raw;
        Source = source;
        Norm = PlanChars.Normalize(raw);
        var start = 0;
        while (start < Norm.Length && (Stray.Contains(Norm[start]) || char.IsWhiteSpace(Norm[start]))) start++;
        Start = start;
    }

    public string Raw { get; }

    /// <summary>Which line of the document (from 0) this text comes from; a table row laid out again keeps its cell's line.</summary>
    public int Source { get; }

    public string Norm { get; }

    public int Start { get; }

    public bool IsBlank => Start >= Norm.Length;

    /// <summary>How wide the line is on a page: a Chinese character takes two columns.</summary>
    public int Width
    {
        get
        {
            var width = 0;
            foreach (var c in Norm.AsSpan(Start).TrimEnd()) width += c >= '\u2E80' ? 2 : 1;
            return width;
        }
    }

    /// <summary>"## 工作要求": a markdown heading names a part of the document.</summary>
    public bool IsMarkdownHeading
    {
        get
        {
            var text = Norm.AsSpan().TrimStart();
            var hashes = 0;
            while (hashes < text.Length && text[hashes] == '#') hashes++;
            return hashes is >= 1 and <= 6 && hashes < text.Length && text[hashes] == ' ';
        }
    }

    /// <summary>The normalized text after indentation, trailing spaces removed.</summary>
    public ReadOnlySpan<char> Text => Norm.AsSpan(Start).TrimEnd();

    /// <summary>A line the reader writes itself: a table row laid out as a heading or an item.</summary>
    public static PlanLine Of(string raw, int source) => new(raw, source);

    public static List<PlanLine> Split(string text)
    {
        var lines = new List<PlanLine>();
        foreach (var range in text.AsSpan().SplitAny("\r\n\u2028\u2029\u0085"))
            lines.Add(new PlanLine(text[range], lines.Count));
        return lines;
    }

    /// <summary>The original text from <paramref name="from"/>: trimmed, without trailing 。；; — inner text as written.</summary>
    public string Cut(int from) => Cut(from, Raw.Length);

    /// <summary>The original text between two positions, trimmed the same way.</summary>
    public string Cut(int from, int to)
    {
        from = Math.Min(from, Raw.Length);
        var span = Raw.AsSpan(from, Math.Max(0, Math.Min(to, Raw.Length) - from)).Trim();
        // A "." closing Chinese text is a full stop typed in ASCII (5.1福利 keeps its dot: a digit follows it).
        while (span.Length > 0 && (TrailingPunctuation.Contains(span[^1]) || char.IsWhiteSpace(span[^1]) || span[^1] == '.' && span.Length > 1 && !char.IsAsciiDigit(span[^2])))
            span = span[..^1];
        return span.ToString();
    }
}
