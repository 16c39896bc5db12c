namespace UnionBot.Core.Plan;

/// <summary>What kind of file a plan is, from its first bytes and then its name (a .docx renamed .txt is still Word).</summary>
internal static class PlanFormat
{
    public enum Kind { Text, Docx, Refused }

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();

    public static Kind Of(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith(Ole) || bytes.StartsWith(Pdf)) return Kind.Refused;
        if (bytes.StartsWith(Zip)) return Kind.Docx;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext is ".doc" or ".wps" or ".pdf" ? Kind.Refused : Kind.Text;
    }

    public static string Describe(ReadOnlySpan<byte> bytes, string name) =>
        bytes.StartsWith(Pdf) || Path.GetExtension(name).Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? "PDF, which the reader cannot read"
        : Path.GetExtension(name).Equals(".wps", StringComparison.OrdinalIgnoreCase) ? "WPS document (.wps), which the reader cannot read"
        : "Word 97-2003 document (.doc), which the reader cannot read";
}
