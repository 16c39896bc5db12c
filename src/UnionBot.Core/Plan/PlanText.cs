using System.Text;

namespace UnionBot.Core.Plan;

/// <summary>
/// Turns the bytes of a plan file into text. Plans come from Word exports, old Windows machines (GB18030) and web
/// pages, so the encoding is detected — and a file that fits none of them is refused rather than read as mojibake.
/// </summary>
public static class PlanText
{
    private const int Gb18030CodePage = 54936;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <param name="bytes">The whole file.</param>
    /// <param name="name">How the file is named in an error message (its path).</param>
    /// <exception cref="PlanReadException">The bytes are binary or in no supported encoding.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name = "plan")
    {
        // UTF-32 starts like UTF-16 LE (FF FE 00 00); it is not a supported encoding, so say so instead of "binary".
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            throw NoEncoding(name);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Strict(StrictUtf8, bytes[3..], name);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Strict(StrictUtf16Le, bytes[2..], name);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Strict(StrictUtf16Be, bytes[2..], name);
        // Text in UTF-8 or GB18030 never holds a NUL; UTF-16 without a BOM is not accepted because it cannot be told
        // apart from binary data reliably.
        if (bytes.Contains((byte)0)) throw Binary(name);
        if (TryDecode(StrictUtf8, bytes, out var utf8)) return Checked(utf8, name);
        if (TryDecode(StrictGb18030.Value, bytes, out var gb)) return Checked(gb, name);
        throw NoEncoding(name);
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name) =>
        TryDecode(encoding, bytes, out var text) ? Checked(text, name) : throw NoEncoding(name);

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Control characters other than layout ones mean the bytes decoded but are not prose (an image, an archive).</summary>
    private static string Checked(string text, string name)
    {
        foreach (var c in text)
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f' or '\v' or '\u001A') || c == '\0')
                throw Binary(name);
        return text;
    }

    private static PlanReadException Binary(string name) => new($"'{name}' is a binary file");

    private static PlanReadException NoEncoding(string name) =>
        new($"'{name}' is in no supported encoding (UTF-8, UTF-16 with BOM, GB18030)");
}
