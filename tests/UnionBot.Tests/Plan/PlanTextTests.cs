using System.Text;
using UnionBot.Core.Plan;

namespace UnionBot.Tests.Plan;

/// <summary>Plan files in every encoding people save them in; anything else is refused with one line, never misread.</summary>
public sealed class PlanTextTests
{
    private const string Text = "2023年学校工会工作计划书\r\n三月份：\r\n1.“三﹒八”妇女节专题庆祝活动。\r\n";

    static PlanTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EverySupportedEncodingDecodesToTheSameText(string encoding) =>
        Assert.Equal(Text, PlanText.Decode(Encode(Text, encoding)));

    [Fact]
    public void GbkTextIsNotMistakenForUtf8()
    {
        var gb = Encode("工会", "gb18030");
        Assert.ThrowsAny<ArgumentException>(() => new UTF8Encoding(false, true).GetString(gb));
        Assert.Equal("工会", PlanText.Decode(gb));
    }

    [Fact]
    public void ANulByteWithoutAUtf16ByteOrderMarkIsABinaryFile()
    {
        var utf16WithoutBom = Encoding.Unicode.GetBytes("Plan 三月份：春游");
        var e = Assert.Throws<PlanReadException>(() => PlanText.Decode(utf16WithoutBom, "plan.doc"));
        Assert.Equal("'plan.doc' is a binary file", e.Message);
    }

    [Fact]
    public void ControlCharactersMakeABinaryFileEvenWithoutNul()
    {
        var e = Assert.Throws<PlanReadException>(() => PlanText.Decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x06], "plan.zip"));
        Assert.Equal("'plan.zip' is a binary file", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xFF, 0x41, 0x0A })]
    [InlineData(new byte[] { 0xB9, 0xA4, 0x80 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x09, 0x4E, 0x00, 0x00 })]
    public void BytesValidInNoSupportedEncodingAreRefusedWithOneLine(byte[] bytes)
    {
        var e = Assert.Throws<PlanReadException>(() => PlanText.Decode(bytes, "x.txt"));
        Assert.Equal("'x.txt' is in no supported encoding (UTF-8, UTF-16 with BOM, GB18030)", e.Message);
    }

    [Fact]
    public void AnEmptyFileIsEmptyText() => Assert.Equal("", PlanText.Decode([]));

    internal static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "gb18030" => Encoding.GetEncoding(54936).GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
