using Bishan.Workflow.Cases.Reports.GetSpecialReportDocument;
using Bishan.Workflow.Cases.Workflow;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bishan.Workflow.Web.Documents;

/// <summary>
/// The special report as a Word document (.docx, Open XML SDK): a header with the platform and the number, a footer with the
/// unit and 第 N 页 共 M 页 (PAGE and NUMPAGES fields Word fills in), the red masthead, number and date, title, period, recipients,
/// the sections and the signature block. East Asian text is set in a CJK font Word substitutes when it is not installed.
/// </summary>
public static class SpecialReportWord
{
    private const string CjkFont = "宋体";
    private const string Red = "C00000";

    public static byte[] Write(SpecialReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para(JustificationValues.Center, Run($"{report.Platform}　{report.NumberText}", size: 18, color: "666666")));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(PageNumbers(report.Unit));

            body.Append(Para(JustificationValues.Center, Run(CaseTexts.Format("Report_Masthead"), size: 48, bold: true, color: Red)));
            body.Append(Para(JustificationValues.Center, Run($"{report.NumberText}　　{report.DateText}", size: 24)));
            body.Append(RedRule());
            body.Append(Para(JustificationValues.Center, Run(report.Title, size: 34, bold: true)));
            body.Append(Para(JustificationValues.Center, Run(report.Period, size: 22, color: "555555")));
            body.Append(Para(JustificationValues.Left, Run(report.Recipients, size: 24)));
            foreach (var section in report.Sections)
            {
                body.Append(Para(JustificationValues.Left, Run(section.Heading, size: 26, bold: true)));
                foreach (var line in section.Body.Split('\n'))
                    body.Append(Para(JustificationValues.Left, Run(line.TrimEnd('\r'), size: 24), firstLineChars: 200));
            }
            body.Append(Para(JustificationValues.Right, Run(report.Unit, size: 24)));
            if (report.SignedBy is { } signer) body.Append(Para(JustificationValues.Right, Run(CaseTexts.Format("Report_SignedBy", signer), size: 24)));
            body.Append(Para(JustificationValues.Right, Run(report.DateText, size: 24)));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(JustificationValues align, Run run, int? firstLineChars = null)
    {
        var properties = new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "80", Line = "360", LineRule = LineSpacingRuleValues.Auto });
        if (firstLineChars is { } chars) properties.Append(new Indentation { FirstLineChars = chars });
        return new Paragraph(properties, run);
    }

    private static Run Run(string text, int size, bool bold = false, string? color = null)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = CjkFont, Ascii = "Times New Roman", HighAnsi = "Times New Roman" });
        if (bold) properties.Append(new Bold());
        if (color is not null) properties.Append(new Color { Val = color });
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph RedRule() =>
        new(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Color = Red, Space = 1 })));

    /// <summary>“Unit　第 PAGE 页 共 NUMPAGES 页”: the words from the resources around the two fields.</summary>
    private static Paragraph PageNumbers(string unit)
    {
        var pattern = CaseTexts.Format("Report_PageOf", "\u0001", "\u0002");
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(unit + "　", size: 18, color: "666666"));
        foreach (var part in SplitKeeping(pattern))
        {
            if (part == "\u0001") paragraph.Append(Field("PAGE"));
            else if (part == "\u0002") paragraph.Append(Field("NUMPAGES"));
            else paragraph.Append(Run(part, size: 18, color: "666666"));
        }
        return paragraph;
    }

    private static IEnumerable<string> SplitKeeping(string pattern)
    {
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] is not ('\u0001' or '\u0002')) continue;
            if (i > start) yield return pattern[start..i];
            yield return new string(pattern[i], 1);
            start = i + 1;
        }
        if (start < pattern.Length) yield return pattern[start..];
    }

    private static SimpleField Field(string name) =>
        new(new Run(new RunProperties(new FontSize { Val = "18" }), new Text("1"))) { Instruction = $" {name} " };
}
