using System.Globalization;
using System.Text;

namespace UnionBot.Core.Platforms;

/// <summary>
/// Splits a message that is over a platform's limit (counted in UTF-8 bytes, as the platforms count) into numbered
/// parts. It cuts between lines so a list item or a heading stays whole, cuts a single over-long line between
/// characters (whole grapheme clusters, so never inside a surrogate pair or an emoji sequence), and counts the
/// "（2/3）" label inside the limit. The outbox stores each part as its own row.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Below this a numbered part could not hold its own label and some text.</summary>
    public const int MinimumMaxBytes = 64;

    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MinimumMaxBytes);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return [text];

        // The label's width depends on the number of parts: assume 1 digit, widen until the parts fit the assumption.
        for (var digits = 1; ; digits++)
        {
            var widest = (int)Math.Pow(10, digits) - 1;
            var chunks = Pack(text, maxBytes - Encoding.UTF8.GetByteCount(Label(widest, widest)));
            if (chunks.Count <= widest)
                return chunks.Select((chunk, i) => chunk + Label(i + 1, chunks.Count)).ToList();
        }
    }

    /// <summary>The label appended to a part: a blank line first so that it never joins a markdown list item.</summary>
    public static string Label(int part, int parts) => $"\n\n（{part}/{parts}）";

    private static List<string> Pack(string text, int budget)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;

        void Flush()
        {
            var chunk = current.ToString().Trim('\r', '\n');
            if (chunk.Length > 0) chunks.Add(chunk);
            current.Clear();
            currentBytes = 0;
        }

        foreach (var line in Lines(text))
        {
            var bytes = Encoding.UTF8.GetByteCount(line);
            if (currentBytes + bytes > budget) Flush();
            if (currentBytes == 0 && line.Trim('\r', '\n').Length == 0) continue; // no part starts with blank lines
            if (bytes <= budget)
            {
                current.Append(line);
                currentBytes += bytes;
                continue;
            }
            var pieces = Pieces(line, budget).ToList();
            foreach (var piece in pieces[..^1])
            {
                current.Append(piece);
                Flush();
            }
            current.Append(pieces[^1]); // the line's tail may share its part with the lines after it
            currentBytes = Encoding.UTF8.GetByteCount(pieces[^1]);
        }
        Flush();
        return chunks;
    }

    /// <summary>Each line with its own line break, so that joining them gives the text back.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>A line longer than the budget, cut between grapheme clusters (or between runes for a cluster larger than the budget).</summary>
    private static IEnumerable<string> Pieces(string line, int budget)
    {
        var piece = new StringBuilder();
        var pieceBytes = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            IEnumerable<string> units = Encoding.UTF8.GetByteCount(element) <= budget
                ? [element]
                : element.EnumerateRunes().Select(r => r.ToString());
            foreach (var unit in units)
            {
                var bytes = Encoding.UTF8.GetByteCount(unit);
                if (pieceBytes + bytes > budget)
                {
                    yield return piece.ToString();
                    piece.Clear();
                    pieceBytes = 0;
                }
                piece.Append(unit);
                pieceBytes += bytes;
            }
        }
        if (piece.Length > 0) yield return piece.ToString();
    }
}
