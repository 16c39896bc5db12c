namespace UnionBot.Core.Commands;

/// <summary>
/// The text after the command word, kept twice with equal length: <see cref="Folded"/> (full-width forms and every
/// kind of space mapped one character to one character onto ASCII, for recognising syntax) and
/// <see cref="Original"/> (exactly as typed, for the content that is stored and shown). Equal length lets a
/// position found in one slice the other.
/// </summary>
internal readonly record struct CommandText(string Folded, string Original)
{
    /// <summary>Trailing marks a phone keyboard adds (。！，…) that are not part of a name or number.</summary>
    private const string TrailingMarks = ".!?,;:~。、…";

    public static CommandText Of(string raw) => new(Fold(raw), raw);

    public bool IsEmpty => Folded.Trim().Length == 0;

    public CommandText Slice(int start) => new(Folded[start..], Original[start..]);
    public CommandText Slice(int start, int length) => new(Folded.Substring(start, length), Original.Substring(start, length));

    public CommandText TrimStart()
    {
        var i = 0;
        while (i < Folded.Length && char.IsWhiteSpace(Folded[i])) i++;
        return Slice(i);
    }

    public CommandText Trim()
    {
        var start = TrimStart();
        var end = start.Folded.Length;
        while (end > 0 && char.IsWhiteSpace(start.Folded[end - 1])) end--;
        return start.Slice(0, end);
    }

    /// <summary>Trimmed, without trailing punctuation: for names and numbers.</summary>
    public CommandText TrimArgument()
    {
        var t = Trim();
        var end = t.Folded.Length;
        while (end > 0 && (char.IsWhiteSpace(t.Folded[end - 1]) || TrailingMarks.Contains(t.Folded[end - 1]))) end--;
        return t.Slice(0, end);
    }

    /// <summary>Blanks the span in both forms (used to cut 名额20 / 截止12月1日 out of a name).</summary>
    public CommandText Blank(int start, int length) => new(
        string.Concat(Folded.AsSpan(0, start), new string(' ', length), Folded.AsSpan(start + length)),
        string.Concat(Original.AsSpan(0, start), new string(' ', length), Original.AsSpan(start + length)));

    /// <summary>Original text with every run of spaces collapsed to one (names typed with stray spaces).</summary>
    public string CollapsedOriginal() => string.Join(' ', Original.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();

    // The traditional forms of the characters in command words and their keywords (報名, 名單, 發起報名, 名額, 查詢, 選項,
    // 計畫 …), so that a teacher on a traditional keyboard is understood. Only the folded text used to recognise syntax
    // is mapped; names and free text keep what was typed.
    private const string SyntaxTraditional = "幫報單發結議劃畫計額詢覆復選項號賬帳題體匯總記錄";
    private const string SyntaxSimplified = "帮报单发结议划划计额询复复选项号账账题体汇总记录";

    /// <summary>
    /// Full-width ASCII (／，：１２Ａ) to ASCII, traditional forms of command words to simplified, and every space (U+3000, the U+2005 WeCom puts after a mention,
    /// tabs, CR) to ' '; newlines stay. One character in, one out.
    /// </summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                '\n' => '\n',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '【' => '[',
                '】' => ']',
                _ when char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF' => ' ',
                _ when SyntaxTraditional.IndexOf(c) is var t and >= 0 => SyntaxSimplified[t],
                _ => c,
            };
        }
    });
}
