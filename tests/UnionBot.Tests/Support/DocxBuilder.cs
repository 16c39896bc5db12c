using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace UnionBot.Tests.Support;

/// <summary>
/// Builds small Word documents in code: paragraphs, paragraphs in an automatic list (numbering.xml with the formats
/// and restarts a test names), and tables with vertically merged cells.
/// </summary>
public sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> body = [];
    private readonly List<AbstractNum> abstracts = [];
    private readonly List<NumberingInstance> instances = [];

    /// <summary>A list definition: one (format, text) per level, e.g. ("chineseCounting", "%1、"), ("decimal", "%2.").</summary>
    public int List(params (string Format, string Text)[] levels)
    {
        var id = abstracts.Count + 1;
        var a = new AbstractNum { AbstractNumberId = id };
        for (var i = 0; i < levels.Length; i++)
            a.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = new EnumValue<NumberFormatValues>(Parse(levels[i].Format)) },
                new LevelText { Val = levels[i].Text }) { LevelIndex = i });
        abstracts.Add(a);
        return Instance(id);
    }

    /// <summary>Another instance of a list definition; with a start override it starts again at that number.</summary>
    public int Instance(int abstractId, int? restartAt = null, int level = 0)
    {
        var id = instances.Count + 1;
        var n = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = id };
        if (restartAt is { } start) n.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level });
        instances.Add(n);
        return id;
    }

    public DocxBuilder Paragraph(string text, int? numId = null, int level = 0)
    {
        body.Add(Para(text, numId, level));
        return this;
    }

    public DocxBuilder Paragraphs(IEnumerable<string> lines)
    {
        foreach (var line in lines) Paragraph(line);
        return this;
    }

    /// <summary>A table; a cell "^" continues the merged cell above it, "a\nb" is a cell of two paragraphs.</summary>
    public DocxBuilder Table(params string[][] rows)
    {
        var table = new Table();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = new TableCell();
                var text = rows[r][c];
                var startsMerge = text != "^" && r + 1 < rows.Length && c < rows[r + 1].Length && rows[r + 1][c] == "^";
                if (text == "^") cell.Append(new TableCellProperties(new VerticalMerge()));
                else if (startsMerge) cell.Append(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }));
                foreach (var p in (text == "^" ? "" : text).Split('\n')) cell.Append(Para(p, null, 0));
                row.Append(cell);
            }
            table.Append(row);
        }
        body.Add(table);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(body.Select(e => e.CloneNode(true))));
            if (abstracts.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(abstracts.Select(a => a.CloneNode(true)).Concat(instances.Select(i => i.CloneNode(true))));
            }
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, int? numId, int level)
    {
        var p = new Paragraph();
        if (numId is { } id)
            p.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id })));
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static NumberFormatValues Parse(string format) => new(format);
}
