using System.Text;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Reports.DraftSpecialReport;
using Bishan.Workflow.Cases.Reports.EditSpecialReport;
using Bishan.Workflow.Cases.Reports.GetSpecialReport;
using Bishan.Workflow.Cases.Reports.GetSpecialReportDocument;
using Bishan.Workflow.Cases.Reports.ListSpecialReports;
using Bishan.Workflow.Cases.Reports.SignOffSpecialReport;
using Bishan.Workflow.Cases.Reports.SubmitSpecialReport;
using Bishan.Workflow.Web.Documents;
using Bishan.Workflow.Web.Ui;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>
/// Special reports (专报): the archive (search), drafting from live figures, editing and submitting by the drafter, the task-force
/// head's sign-off or return, reading with read receipts, and the printable page, PDF and Word downloads.
/// </summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Special reports");
        reports.MapGet("/", async (IMediator mediator, string? q, int? year, string? status, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSpecialReports(q, year, status, skip, take), ct)))
            .WithSummary("The archive, newest first; q searches number, title, period and text. Recipients see signed reports only.");
        reports.MapPost("/", async (DraftReportRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var report = await mediator.Send(new DraftSpecialReport(body.MeetingId, body.Title), ct);
                return TypedResults.Created($"/api/reports/{report.Id}", report);
            })
            .WithSummary("Drafts a report from live figures (meetingId optional); secretary, task force, administrators.");
        reports.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetSpecialReport(id), ct)))
            .WithSummary("One report with its read receipts; a recipient's reading is recorded (audited).");
        reports.MapPut("/{id}", async (string id, EditReportRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EditSpecialReport(id, body.Title, body.Sections), ct)))
            .WithSummary("The drafter edits the title and section texts of a draft or returned report.");
        reports.MapPost("/{id}/submit", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SubmitSpecialReport(id), ct)))
            .WithSummary("The drafter submits it for sign-off (starts special-report).");
        reports.MapPost("/{id}/sign-off", async (string id, SignOffRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SignOffSpecialReport(id, body.Decision, body.Reason), ct)))
            .WithSummary("The task-force head signs it (decision Sign) or returns it (decision Return, reason required).");
        reports.MapGet("/{id}/document", DocumentAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .WithSummary("format=html (printable page), pdf or docx; audited.");
        return api;
    }

    private static async Task<IResult> DocumentAsync(string id, string? format, IMediator mediator, IStringLocalizer<UiText> text, CancellationToken ct)
    {
        var document = await mediator.Send(new GetSpecialReportDocument(id, format), ct);
        switch (format?.Trim().ToLowerInvariant())
        {
            case "pdf":
                try
                {
                    return TypedResults.File(SpecialReportPdf.Write(document), "application/pdf", document.FileName + ".pdf");
                }
                catch (CjkFontMissingException missing)
                {
                    return TypedResults.Problem(UseCaseStrings.Format("Report_PdfFontMissing", missing.Searched),
                        statusCode: StatusCodes.Status503ServiceUnavailable, title: "CJK font missing");
                }
            case "docx":
                return TypedResults.File(SpecialReportWord.Write(document),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.FileName + ".docx");
            default:
                var html = SpecialReportHtml.Write(document, text["Reports.Print"], text["Reports.BackToReport"]);
                return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
        }
    }
}

internal sealed record DraftReportRequest(string? MeetingId, string? Title);

internal sealed record EditReportRequest(string? Title, IReadOnlyList<SectionEdit>? Sections);

internal sealed record SignOffRequest(string? Decision, string? Reason);
