using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace UnionBot.ChairConsole;

/// <summary>
/// Markup that is already safe to write. Pages are built with <see cref="H"/>: every value put into the template is
/// HTML-encoded unless it is itself <see cref="Html"/>, so text a teacher typed can never become markup.
/// </summary>
public readonly record struct Html(string Value)
{
    public static readonly Html Empty = new("");

    public static Html H(HtmlTemplate template) => template.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Html When(bool condition, Html html) => condition ? html : Empty;

    public override string ToString() => Value;
}

[InterpolatedStringHandler]
public ref struct HtmlTemplate
{
    // Chinese text stays readable in the page source; <, >, &, quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly StringBuilder _sb;

    public HtmlTemplate(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string s) => _sb.Append(s);

    public void AppendFormatted(Html html) => _sb.Append(html.Value);

    public void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var p in parts) _sb.Append(p.Value);
    }

    public void AppendFormatted<T>(T value) => _sb.Append(Encoder.Encode(value?.ToString() ?? ""));

    public Html ToHtml() => new(_sb.ToString());
}
