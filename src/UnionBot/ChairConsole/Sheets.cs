using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace UnionBot.ChairConsole;

/// <summary>Exports as files Excel opens right: .xlsx through MiniExcel, .csv as UTF-8 with a BOM (without it Excel reads GBK).</summary>
public static class Sheets
{
    public static IResult Xlsx(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        // A DataTable, so that a list with nobody on it still gets its header row.
        using var table = new System.Data.DataTable("Sheet1");
        foreach (var h in headers) table.Columns.Add(h, typeof(string));
        foreach (var r in rows) table.Rows.Add(r.Take(headers.Count).Cast<object>().ToArray());
        var stream = new MemoryStream();
        stream.SaveAs(table);
        stream.Position = 0;
        return Download(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    public static IResult Csv(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', headers.Select(Field))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(',', r.Select(Field))).Append("\r\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return Download(new MemoryStream(bytes), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Quotes a field that needs it; a leading = + - @ is prefixed with ' so that Excel does not run it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>Every row of the first sheet of an .xlsx as text, header row included.</summary>
    /// <exception cref="UnreadableSheetException">Not an .xlsx MiniExcel can open (a renamed .xls, a damaged file).</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(byte[] xlsx, string name)
    {
        try
        {
            using var stream = new MemoryStream(xlsx);
            return stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(row => (IReadOnlyList<string>)row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList())
                .ToList();
        }
        // The reader throws whatever its zip and XML layers throw on a file that is not a workbook; none of it is a bug here.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableSheetException($"「{name}」打不开（{e.GetType().Name}）。请用 Excel 或 WPS 打开，另存为 .xlsx 再导入。");
        }
    }

    private static IResult Download(Stream stream, string contentType, string fileName) =>
        Results.File(stream, contentType, fileName);
}
