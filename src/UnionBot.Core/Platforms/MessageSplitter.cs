using System.Text;

namespace UnionBot.Core.Platforms;

/// <summary>Cuts a message that is over a platform's byte limit into parts, at line boundaries, never inside a character.</summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes) return [text];
        var parts = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        foreach (var line in Lines(text, maxBytes))
        {
            var bytes = Encoding.UTF8.GetByteCount(line);
            if (currentBytes + bytes > maxBytes && current.Length > 0)
            {
                parts.Add(current.ToString().TrimEnd('\n'));
                current.Clear();
                currentBytes = 0;
            }
            current.Append(line);
            currentBytes += bytes;
        }
        if (current.Length > 0) parts.Add(current.ToString().TrimEnd('\n'));
        return parts.Where(p => p.Length > 0).ToList();
    }

    /// <summary>The text's lines with their '\n'; a line longer than the limit comes out in pieces cut between runes.</summary>
    private static IEnumerable<string> Lines(string text, int maxBytes)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..(end + 1)];
            start = end < 0 ? text.Length : end + 1;
            if (Encoding.UTF8.GetByteCount(line) <= maxBytes) { yield return line; continue; }
            var piece = new StringBuilder();
            var pieceBytes = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (pieceBytes + rune.Utf8SequenceLength > maxBytes) { yield return piece.ToString(); piece.Clear(); pieceBytes = 0; }
                piece.Append(rune.ToString());
                pieceBytes += rune.Utf8SequenceLength;
            }
            if (piece.Length > 0) yield return piece.ToString();
        }
    }
}
