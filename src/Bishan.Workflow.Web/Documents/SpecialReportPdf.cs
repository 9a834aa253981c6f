using Bishan.Workflow.Cases.Reports.GetSpecialReportDocument;
using Bishan.Workflow.Cases.Workflow;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bishan.Workflow.Web.Documents;

/// <summary>
/// The special report as an A4 PDF (PDFsharp), laid out like a 专报: on every page a running header (platform, issuing unit) and
/// a footer 第 N 页 共 M 页; on the first, the red masthead, the number and date, the title, the period and the recipients; then the
/// sections, wrapped character by character (Chinese has no spaces to break at). The font is a Chinese system font (<see cref="CjkFontResolver"/>: WenQuanYi Micro Hei, subset, when installed).
/// </summary>
public static class SpecialReportPdf
{
    private const double Margin = 64;
    private const double HeaderHeight = 40;
    private const double FooterHeight = 36;
    private static readonly XColor Red = XColor.FromArgb(192, 0, 0);

    /// <exception cref="CjkFontMissingException">No CJK font on the server.</exception>
    public static byte[] Write(SpecialReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CjkFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"{report.NumberText} {report.Title}";
        document.Info.Author = report.Unit;
        document.Info.Subject = report.Title;

        var writer = new PageWriter(document, report);
        writer.Masthead();
        foreach (var section in report.Sections)
        {
            writer.Gap(8);
            writer.Paragraph(section.Heading, writer.Heading);
            foreach (var line in section.Body.Split('\n'))
                writer.Paragraph(line.TrimEnd('\r'), writer.Body, indent: 2);
        }
        writer.Gap(16);
        writer.Paragraph(report.Unit, writer.Body, alignRight: true);
        writer.Paragraph(report.DateText, writer.Body, alignRight: true);
        writer.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Places lines top to bottom, opening a new page when one is full, and draws headers and footers at the end.</summary>
    private sealed class PageWriter
    {
        private readonly PdfDocument _document;
        private readonly SpecialReportDocument _report;
        private XGraphics? _g;
        private PdfPage? _page;
        private double _y;

        public XFont Heading { get; } = new("Noto Sans CJK SC", 13, XFontStyleEx.Bold);
        public XFont Body { get; } = new("Noto Sans CJK SC", 11.5);
        private readonly XFont _small = new("Noto Sans CJK SC", 8.5);
        private readonly XFont _masthead = new("Noto Sans CJK SC", 24, XFontStyleEx.Bold);
        private readonly XFont _title = new("Noto Sans CJK SC", 17, XFontStyleEx.Bold);

        public PageWriter(PdfDocument document, SpecialReportDocument report)
        {
            _document = document;
            _report = report;
            NewPage();
        }

        private double Width => _page!.Width.Point - 2 * Margin;
        private double Bottom => _page!.Height.Point - Margin - FooterHeight;

        private void NewPage()
        {
            _g?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _g = XGraphics.FromPdfPage(_page);
            _y = Margin + HeaderHeight;
        }

        public void Masthead()
        {
            Centered(CaseTexts.Format("Report_Masthead"), _masthead, Red);
            Gap(6);
            var line = $"{_report.NumberText}　　{_report.DateText}";
            Centered(line, Body, XColors.Black);
            _g!.DrawLine(new XPen(Red, 2), Margin, _y + 4, Margin + Width, _y + 4);
            Gap(18);
            Centered(_report.Title, _title, XColors.Black);
            Gap(4);
            Centered(_report.Period, Body, XColors.DimGray);
            Gap(10);
            Paragraph(_report.Recipients, Body);
        }

        public void Gap(double points) => _y += points;

        private void Centered(string text, XFont font, XColor color)
        {
            var height = font.GetHeight() * 1.3;
            if (_y + height > Bottom) NewPage();
            _g!.DrawString(text, font, new XSolidBrush(color), new XRect(Margin, _y, Width, height), XStringFormats.TopCenter);
            _y += height;
        }

        public void Paragraph(string text, XFont font, int indent = 0, bool alignRight = false)
        {
            var height = font.GetHeight() * 1.5;
            var lines = Wrap(new string('　', indent) + text, font);
            foreach (var line in lines)
            {
                if (_y + height > Bottom) NewPage();
                _g!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, height), alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
                _y += height;
            }
        }

        private List<string> Wrap(string text, XFont font)
        {
            var lines = new List<string>();
            var current = new System.Text.StringBuilder();
            foreach (var element in System.Globalization.StringInfo.GetTextElementEnumerator(text).AsEnumerable())
            {
                current.Append(element);
                if (_g!.MeasureString(current.ToString(), font).Width <= Width) continue;
                current.Length -= element.Length;
                lines.Add(current.ToString());
                current.Clear().Append(element);
            }
            lines.Add(current.ToString());
            return lines;
        }

        /// <summary>Headers and footers once the page count is known.</summary>
        public void Finish()
        {
            _g?.Dispose();
            _g = null;
            var total = _document.PageCount;
            for (var i = 0; i < total; i++)
            {
                var page = _document.Pages[i];
                using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var width = page.Width.Point - 2 * Margin;
                g.DrawString(_report.Platform, _small, XBrushes.DimGray, new XRect(Margin, Margin, width, 14), XStringFormats.TopLeft);
                g.DrawString(_report.NumberText, _small, XBrushes.DimGray, new XRect(Margin, Margin, width, 14), XStringFormats.TopRight);
                g.DrawLine(new XPen(XColors.Gray, 0.5), Margin, Margin + 16, Margin + width, Margin + 16);
                var footer = CaseTexts.Format("Report_PageOf", i + 1, total);
                g.DrawString(footer, _small, XBrushes.DimGray, new XRect(Margin, page.Height.Point - Margin - 14, width, 14), XStringFormats.TopCenter);
                g.DrawString(_report.Unit, _small, XBrushes.DimGray, new XRect(Margin, page.Height.Point - Margin - 14, width, 14), XStringFormats.TopLeft);
            }
        }
    }

    private static IEnumerable<string> AsEnumerable(this System.Globalization.TextElementEnumerator e)
    {
        while (e.MoveNext()) yield return e.GetTextElement();
    }
}
