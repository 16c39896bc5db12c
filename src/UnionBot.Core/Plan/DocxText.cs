using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace UnionBot.Core.Plan;

/// <summary>
/// A Word .docx plan as the text a person sees: paragraphs in order, each with the number Word's automatic list
/// numbering shows in front of it (the number is not in the text; <see cref="DocxNumbering"/>), and tables as rows
/// between "|" — one row per line, a merged cell empty below its first row, the paragraphs of a cell side by side.
/// </summary>
public static class DocxText
{
    public static string Read(byte[] bytes, string name)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var main = document.MainDocumentPart ?? throw new PlanReadException($"'{name}' is not a Word document (no document part)");
            var body = main.Document?.Body;
            if (body is null) return "";
            var numbering = new DocxNumbering(main);
            var text = new StringBuilder();
            Write(body, numbering, text);
            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw new PlanReadException($"'{name}' is not a readable .docx file ({e.Message.Split('\n')[0]})");
        }
    }

    private static void Write(OpenXmlElement container, DocxNumbering numbering, StringBuilder text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    text.Append(numbering.Label(p)).Append(ParagraphText(p)).Append('\n');
                    break;
                case Table t:
                    WriteTable(t, text);
                    break;
                case SdtBlock or CustomXmlBlock:
                    Write(element.GetFirstChild<SdtContentBlock>() ?? element, numbering, text);
                    break;
            }
        }
    }

    /// <summary>Rows as "| a | b |": the reader's table layout finds the header and the month and activity columns.</summary>
    private static void WriteTable(Table table, StringBuilder text)
    {
        foreach (var row in table.Elements<W.TableRow>())
        {
            text.Append('|');
            foreach (var cell in row.Elements<W.TableCell>())
            {
                var merged = cell.TableCellProperties?.VerticalMerge is { } v && (v.Val is null || v.Val.InnerText != "restart");
                // A cell's paragraphs are separate entries (several activities in one cell): a space between them.
                var content = merged ? "" : string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText).Where(s => s.Trim().Length > 0));
                text.Append(' ').Append(content.Replace('|', '/').Replace('\n', ' ')).Append(" |");
            }
            text.Append('\n');
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case W.Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }
}
