using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Reports;

/// <summary>
/// The signed report printed and downloaded: the print page carries the header and page-number CSS; the Word file opens and holds
/// the number, title, sections and a page-number footer; the PDF parses with its pages; every download is audited.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SpecialReportDocumentFacts(BishanWebFactory factory)
{
    private async Task<(string Id, string Number)> SignedReportAsync()
    {
        await factory.EnsureReportUsersAsync();
        var draft = await factory.DraftAsync(Secretary, title: "五项行动工作专报（打印）");
        var id = draft["id"]!.GetValue<string>();
        var secretary = await factory.ClientAsync(Secretary);
        await (await secretary.PutAsJsonAsync($"/api/reports/{id}", new
        {
            title = "五项行动工作专报（打印）",
            sections = new[] { new { key = "supervision", body = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"第{i}项：逾期任务限期整改，落实跟踪问效，督办到人。")) } },
        })).ReadOkAsync();
        await (await secretary.PostAsync($"/api/reports/{id}/submit", null)).ReadOkAsync();
        await (await (await factory.ClientAsync(SupervisorTaskForce)).PostAsJsonAsync($"/api/reports/{id}/sign-off", new { decision = "Sign" })).ReadOkAsync();
        return (id, draft["numberText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Word_OpensWithTheNumberTitleSectionsAndPageNumbers()
    {
        var (id, number) = await SignedReportAsync();
        var leader = await factory.ClientAsync(Leader);

        var response = await leader.GetAsync($"/api/reports/{id}/document?format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, isEditable: false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(number, text);
        Assert.Contains("五项行动工作专报（打印）", text);
        Assert.Contains("一、在库情况", text);
        Assert.Contains("第60项：逾期任务限期整改", text);
        Assert.Contains("报送：区委教育工作领导小组、区督查办", text);
        Assert.Contains("签发人：" + SupervisorTaskForce.UserName, text);
        Assert.Contains("璧山区“五项行动”未成年人帮扶管理平台", doc.MainDocumentPart.HeaderParts.Single().Header!.InnerText);
        var footer = doc.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<DocumentFormat.OpenXml.Wordprocessing.SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        Assert.Contains(footer.Descendants<DocumentFormat.OpenXml.Wordprocessing.SimpleField>(), f => f.Instruction!.Value!.Trim() == "NUMPAGES");

        // Downloading counts as the leader's reading, and is audited with its format.
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "report.download" && a.EntityId == id && a.Detail!.StartsWith("docx"))));
        Assert.True(await factory.QueryAsync(db => db.SpecialReportRecipients.AnyAsync(r => r.ReportId == id && r.Role == "Leader" && r.ReadAtUtc != null)));
    }

    [Fact]
    public async Task Pdf_ParsesWithItsPages_AndCarriesTheTitle()
    {
        var (id, number) = await SignedReportAsync();
        var secretary = await factory.ClientAsync(Secretary);

        var response = await secretary.GetAsync($"/api/reports/{id}/document?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        // Sixty long lines do not fit on one A4 page: the layout breaks pages.
        Assert.True(pdf.PageCount >= 2, $"{pdf.PageCount} pages");
        Assert.Equal($"{number} 五项行动工作专报（打印）", pdf.Info.Title);
        Assert.Equal("璧山区五项行动区级工作专班", pdf.Info.Author);
    }

    [Fact]
    public async Task Pdf_OfAOnePageReport_IsUnderOneMegabyte_WithASubsetTrueTypeFont_AndItsTextCanBeCopied()
    {
        await factory.EnsureReportUsersAsync();
        var draft = await factory.DraftAsync(Secretary, title: "五项行动工作专报（简报）");
        var id = draft["id"]!.GetValue<string>();
        var number = draft["numberText"]!.GetValue<string>();
        var secretary = await factory.ClientAsync(Secretary);
        // Every section short, so the report fits on one A4 page.
        var sections = draft["sections"]!.AsArray().Select(s => new { key = s!["key"]!.GetValue<string>(), body = "本周无新增情况，各单位按计划推进。" }).ToArray();
        await (await secretary.PutAsJsonAsync($"/api/reports/{id}", new { title = "五项行动工作专报（简报）", sections })).ReadOkAsync();
        await (await secretary.PostAsync($"/api/reports/{id}/submit", null)).ReadOkAsync();
        await (await (await factory.ClientAsync(SupervisorTaskForce)).PostAsJsonAsync($"/api/reports/{id}/sign-off", new { decision = "Sign" })).ReadOkAsync();

        var response = await secretary.GetAsync($"/api/reports/{id}/document?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);

        Assert.Equal(1, pdf.PageCount);
        // Noto CJK embedded whole made this about 13 MB; a subset TrueType face keeps only the characters used.
        Assert.True(bytes.Length < 1024 * 1024, $"a one-page PDF of {bytes.Length:N0} bytes");
        var font = Assert.Single(PdfText.Fonts(pdf.Pages[0]).Select(f => f.BaseFont).Distinct());
        Assert.Matches("^/[A-Z]{6}\\+", font); // the subset tag PDF readers recognise
        Assert.All(PdfText.Fonts(pdf.Pages[0]), f => Assert.True(f.TrueTypeEmbedded, $"{f.BaseFont} has no embedded TrueType file"));
        var text = PdfText.Of(pdf.Pages[0]);
        Assert.Contains(number, text);
        Assert.Contains("五项行动工作专报（简报）", text);
        Assert.Contains("本周无新增情况，各单位按计划推进。", text);
        Assert.Contains("第1页", text.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintPage_HasTheHeaderAndPageNumbers_AndUnknownFormatIs400()
    {
        var (id, number) = await SignedReportAsync();
        var inspector = await factory.ClientAsync(Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld.Inspector);

        var response = await inspector.GetAsync($"/api/reports/{id}/document?format=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(number, html);
        Assert.Contains("@page", html);
        Assert.Contains("counter(page)", html);
        Assert.Contains("counter(pages)", html);
        Assert.Contains("璧山区“五项行动”未成年人帮扶管理平台", html);
        Assert.Contains("@media print", html);

        var bad = await (await inspector.GetAsync($"/api/reports/{id}/document?format=rtf")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("html, pdf, docx", bad["errors"]!["format"]![0]!.GetValue<string>());
    }
}
