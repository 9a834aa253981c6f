using System.Net;
using System.Text;
using Bishan.Workflow.Cases.Meetings.GetMeeting;
using Bishan.Workflow.Cases.Meetings.GetMeetingReport;
using Bishan.Workflow.Cases.Meetings.AddAgendaCase;
using Bishan.Workflow.Cases.Meetings.ListAttendeeOptions;
using Bishan.Workflow.Cases.Meetings.ListMeetings;
using Bishan.Workflow.Cases.Meetings.RecordMeeting;
using Bishan.Workflow.Cases.Meetings.ScheduleSpecialMeeting;
using Bishan.Workflow.Cases.Meetings.StartWeeklyConsultation;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>The task force's meetings (会商): reads, the special report (专报) download, and running them (secretary, task force).</summary>
internal static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        meetings.MapGet("/", async (IMediator mediator, string? kind, string? from, string? to, int? skip, int? take, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMeetings(kind, from, to, skip, take), ct)))
            .WithSummary("Meetings the caller may see; a caseworker only those that discussed their cases.");
        meetings.MapPost("/", async (SpecialMeetingRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var scheduled = await mediator.Send(new ScheduleSpecialMeeting(body.Topic, body.ScheduledAt, body.Place, body.FileNumbers), ct);
                return TypedResults.Created($"/api/meetings/{scheduled.MeetingId}", scheduled);
            })
            .WithSummary("Calls a special meeting (专题会): topic, scheduledAt, place, fileNumbers; secretary, task force, administrators.");
        meetings.MapPost("/weekly", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted("/api/meetings", await mediator.Send(new StartWeeklyConsultation(), ct)))
            .WithSummary("Starts the weekly consultation now, as its timer would; 409 while one is running.");
        meetings.MapGet("/attendee-options", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAttendeeOptions(), ct)))
            .WithSummary("Users and active helpers to choose attendance from.");
        meetings.MapPost("/{id}/agenda", async (string id, AgendaCaseRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/meetings/{id}", await mediator.Send(new AddAgendaCase(id, body.FileNumber), ct)))
            .WithSummary("Puts a case (file number, in the caller's scope) on a meeting not yet held.");
        meetings.MapPost("/{id}/minutes", async (string id, MinutesRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordMeeting(id, body.Minutes, body.AttendeeUserIds, body.AttendeeHelperIds, body.Decisions), ct)))
            .WithSummary("Attendance (user and helper ids), minutes and decisions (file numbers checked); decisions about cases become tasks.");
        meetings.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMeeting(id), ct)))
            .WithSummary("Agenda, attendance, minutes, decisions with their tasks, special report (audited).");
        meetings.MapGet("/{id}/report", ReportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithSummary("The special report as text/plain (default) or format=html, as a download (audited).");
        return api;
    }

    private static async Task<IResult> ReportAsync(string id, string? format, IMediator mediator, CancellationToken ct)
    {
        var report = await mediator.Send(new GetMeetingReport(id), ct);
        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase);
        var body = html ? Html(report) : report.Text;
        return TypedResults.File(Encoding.UTF8.GetBytes(body), html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
            report.FileName + (html ? ".html" : ".txt"));
    }

    /// <summary>A plain page: the title, the recipients and the text, each line a paragraph, everything encoded.</summary>
    private static string Html(MeetingReport report)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(report.Title))
            .Append("</title></head><body><h1>").Append(WebUtility.HtmlEncode(report.Title)).Append("</h1>");
        if (report.Recipients is { } recipients) page.Append("<p>").Append(WebUtility.HtmlEncode(recipients)).Append("</p>");
        foreach (var line in report.Text.Split('\n'))
            page.Append("<p>").Append(WebUtility.HtmlEncode(line.TrimEnd('\r'))).Append("</p>");
        return page.Append("</body></html>").ToString();
    }
}

internal sealed record SpecialMeetingRequest(string? Topic, string? ScheduledAt, string? Place, IReadOnlyList<string>? FileNumbers);

internal sealed record AgendaCaseRequest(string? FileNumber);

internal sealed record MinutesRequest(string? Minutes, IReadOnlyList<string>? AttendeeUserIds, IReadOnlyList<long>? AttendeeHelperIds,
    IReadOnlyList<DecisionInput>? Decisions);
