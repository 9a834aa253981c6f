using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Bishan.Workflow.IntegrationTests.Reports;

/// <summary>
/// The text a PDF reader would copy out of a PDFsharp page: the glyph ids of its text operators (Identity-H, two bytes a
/// glyph) mapped to Unicode through each font's <c>ToUnicode</c> map. Enough to show that the embedded subset font still
/// lets a reader search and copy the report's text.
/// </summary>
internal static partial class PdfText
{
    public static string Of(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var maps = new List<Dictionary<int, string>>();
        var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
        foreach (var name in fonts?.Elements.Keys ?? [])
            if (fonts!.Elements.GetDictionary(name)?.Elements.GetDictionary("/ToUnicode")?.Stream?.UnfilteredValue is { } cmap)
                maps.Add(ParseCMap(Encoding.ASCII.GetString(cmap)));

        var content = new StringBuilder();
        for (var i = 0; i < page.Contents.Elements.Count; i++)
            if (page.Contents.Elements.GetDictionary(i)?.Stream?.UnfilteredValue is { } bytes)
                content.Append(Encoding.Latin1.GetString(bytes));

        var text = new StringBuilder();
        foreach (Match shown in HexString().Matches(content.ToString()))
        {
            var hex = shown.Groups[1].Value;
            for (var at = 0; at + 4 <= hex.Length; at += 4)
            {
                var glyph = int.Parse(hex.AsSpan(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                text.Append(maps.Select(m => m.GetValueOrDefault(glyph)).FirstOrDefault(s => s is not null) ?? "\uFFFD");
            }
        }
        return text.ToString();
    }

    /// <summary>Also the fonts of the page: (base font name, whether a TrueType font file is embedded).</summary>
    public static IReadOnlyList<(string BaseFont, bool TrueTypeEmbedded)> Fonts(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = new List<(string, bool)>();
        var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
        foreach (var name in fonts?.Elements.Keys ?? [])
        {
            var font = fonts!.Elements.GetDictionary(name)!;
            var descendant = font.Elements.GetArray("/DescendantFonts")?.Elements.GetDictionary(0) ?? font;
            var descriptor = descendant.Elements.GetDictionary("/FontDescriptor");
            result.Add((font.Elements.GetName("/BaseFont"), descriptor?.Elements.GetDictionary("/FontFile2") is not null));
        }
        return result;
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
        foreach (Match block in BfRange().Matches(cmap))
            foreach (Match range in Range().Matches(block.Groups[1].Value))
            {
                int from = Hex(range.Groups[1].Value), to = Hex(range.Groups[2].Value), first = Hex(range.Groups[3].Value);
                for (var g = from; g <= to; g++) map[g] = char.ConvertFromUtf32(first + g - from);
            }
        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var units = new char[hex.Length / 4];
        for (var i = 0; i < units.Length; i++) units[i] = (char)Hex(hex.Substring(4 * i, 4));
        return new string(units);
    }

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>")]
    private static partial Regex HexString();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
