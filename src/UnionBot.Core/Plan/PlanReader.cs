namespace UnionBot.Core.Plan;

/// <summary>Reads an annual plan file: its bytes decoded (<see cref="PlanText"/>), then parsed (<see cref="PlanParser"/>).</summary>
public static class PlanReader
{
    public static AnnualPlan Read(byte[] bytes) => Read(bytes, "plan");

    /// <param name="name">The file's name or path, for the one-line error of a binary or undecodable file.</param>
    public static AnnualPlan Read(byte[] bytes, string name) => PlanParser.Parse(Text(bytes, name));

    /// <summary>The plan and what each line of its text became (<see cref="PlanParser.Explain"/>).</summary>
    public static PlanExplanation Explain(byte[] bytes, string name) => PlanParser.Explain(Text(bytes, name));

    /// <summary>
    /// The plan's text: a Word .docx (a zip package, whatever the file is called) through <see cref="DocxText"/>;
    /// old Word/WPS binaries and PDFs are refused with the one thing to do — save as .docx; anything else is text.
    /// </summary>
    public static string Text(byte[] bytes, string name)
    {
        var kind = PlanFormat.Of(bytes, name);
        return kind switch
        {
            PlanFormat.Kind.Docx => DocxText.Read(bytes, name),
            PlanFormat.Kind.Refused => throw new PlanReadException(
                $"'{name}' is a {PlanFormat.Describe(bytes, name)}: open it in Word or WPS, save it as .docx (Word document) and use that file"),
            _ => PlanText.Decode(bytes, name),
        };
    }

    /// <summary>The plan file's bytes; every way the path can be wrong is one clear line.</summary>
    /// <exception cref="PlanReadException">The path is missing, a directory or unreadable.</exception>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            if (Directory.Exists(path)) throw new PlanReadException($"'{path}' is a directory, not a plan file");
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PlanReadException(e is FileNotFoundException or DirectoryNotFoundException
                ? $"no such file: '{path}'"
                : $"cannot read '{path}': {e.Message}");
        }
    }
}
