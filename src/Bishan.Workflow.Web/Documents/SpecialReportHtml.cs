using System.Net;
using System.Text;
using Bishan.Workflow.Cases.Reports.GetSpecialReportDocument;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Web.Documents;

/// <summary>
/// The special report as a printable page: print CSS sets A4 margins, a running header (platform, number) and footer (unit,
/// 第 N 页 共 M 页 from CSS page counters) on every printed page; on screen a print button (script file, no inline script under the
/// content security policy). Every text is HTML-encoded.
/// </summary>
public static class SpecialReportHtml
{
    public static string Write(SpecialReportDocument report, string printLabel, string backLabel)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var pageOf = CaseTexts.Format("Report_PageOf", "\" counter(page) \"", "\" counter(pages) \"");
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E($"{report.NumberText} {report.Title}")).Append("</title>")
            .Append("<style>")
            .Append("body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC','SimSun',serif;max-width:46em;margin:2em auto;line-height:1.8;color:#000}")
            .Append(".masthead{color:#c00000;text-align:center;font-size:2.4em;font-weight:bold;letter-spacing:.5em;margin:0}")
            .Append(".number{text-align:center;border-bottom:3px solid #c00000;padding-bottom:.4em}")
            .Append("h1{text-align:center;font-size:1.6em;margin:.8em 0 .2em}.period{text-align:center;color:#555}")
            .Append("h2{font-size:1.15em;margin:1.2em 0 .3em}p.body{text-indent:2em;margin:.2em 0}.sign{text-align:right}")
            .Append(".running{display:none}.toolbar{margin-bottom:1em}")
            .Append("@page{size:A4;margin:25mm 22mm 25mm 22mm;")
            .Append("@top-left{content:\"").Append(CssString(report.Platform)).Append("\";font-size:9pt;color:#666}")
            .Append("@top-right{content:\"").Append(CssString(report.NumberText)).Append("\";font-size:9pt;color:#666}")
            .Append("@bottom-left{content:\"").Append(CssString(report.Unit)).Append("\";font-size:9pt;color:#666}")
            .Append("@bottom-center{content:\"").Append(pageOf).Append("\";font-size:9pt;color:#666}}")
            .Append("@media print{.toolbar{display:none}body{margin:0;max-width:none}}")
            .Append("</style><script src=\"/js/print.js\" defer></script></head><body>");
        page.Append("<div class=\"toolbar\"><button type=\"button\" id=\"print-report\" data-testid=\"print-report\">").Append(E(printLabel))
            .Append("</button> <a href=\"/reports/").Append(E(report.Id)).Append("\">").Append(E(backLabel)).Append("</a></div>");
        page.Append("<header data-testid=\"print-header\"><div>").Append(E(report.Platform)).Append("</div>")
            .Append("<p class=\"masthead\">").Append(E(CaseTexts.Format("Report_Masthead"))).Append("</p>")
            .Append("<p class=\"number\" data-testid=\"print-number\">").Append(E(report.NumberText)).Append("　　").Append(E(report.DateText)).Append("</p></header>");
        page.Append("<h1>").Append(E(report.Title)).Append("</h1><p class=\"period\">").Append(E(report.Period)).Append("</p>");
        page.Append("<p>").Append(E(report.Recipients)).Append("</p>");
        foreach (var section in report.Sections)
        {
            page.Append("<h2>").Append(E(section.Heading)).Append("</h2>");
            foreach (var line in section.Body.Split('\n'))
                page.Append("<p class=\"body\">").Append(E(line.TrimEnd('\r'))).Append("</p>");
        }
        page.Append("<p class=\"sign\">").Append(E(report.Unit)).Append("<br>");
        if (report.SignedBy is { } signer) page.Append(E(CaseTexts.Format("Report_SignedBy", signer))).Append("<br>");
        page.Append(E(report.DateText)).Append("</p></body></html>");
        return page.ToString();
    }

    /// <summary>Text inside a CSS string: backslash, quotes and line breaks escaped, and nothing that could close the style element.</summary>
    private static string CssString(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("<", "\\3C ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
