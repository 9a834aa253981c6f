using Bishan.Workflow.Cases.FamilyEducation.Classes.CancelClass;
using Bishan.Workflow.Cases.FamilyEducation.Classes.GetClass;
using Bishan.Workflow.Cases.FamilyEducation.Classes.InviteToClass;
using Bishan.Workflow.Cases.FamilyEducation.Classes.ListClasses;
using Bishan.Workflow.Cases.FamilyEducation.Classes.RecordClassAttendance;
using Bishan.Workflow.Cases.FamilyEducation.Classes.RescheduleClass;
using Bishan.Workflow.Cases.FamilyEducation.Classes.ScheduleClass;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

/// <summary>Parent classes (家长课堂) of the family-education guidance centre: schedule, invite referred families' parents, record who came, cancel.</summary>
internal static class FamilyEducationClassEndpoints
{
    public static RouteGroupBuilder MapFamilyEducationClassEndpoints(this RouteGroupBuilder api)
    {
        var classes = api.MapGroup("/family-education/classes").WithTags("FamilyEducation");
        classes.MapGet("/", async (string? when, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListFamilyEducationClasses(when), ct)))
            .WithSummary("The parent classes a guidance worker may see (the centre all, a sub-centre its own): when=upcoming (default) or past.");
        classes.MapPost("/", async (FamilyEducationClassScheduleRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var scheduled = await mediator.Send(new ScheduleFamilyEducationClass(body.SubCentreId, body.Topic, body.ClassDate, body.StartTime, body.Place,
                    body.Capacity), ct);
                return TypedResults.Created($"/api/family-education/classes/{scheduled.Id}", scheduled);
            })
            .WithSummary("Schedules a parent class: sub-centre, topic, classDate (yyyy-MM-dd), startTime (HH:mm), place, optional capacity.");
        classes.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFamilyEducationClass(id), ct)))
            .WithSummary("One class with its invited family members, who came, and the families that may still be invited; audited per invited case.");
        classes.MapPost("/{id}/invitations", async (string id, FamilyEducationClassInviteRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new InviteToFamilyEducationClass(id, body.Invitees), ct)))
            .WithSummary("Invites family members of cases with an open, accepted referral to the class's sub-centre.");
        classes.MapPost("/{id}/attendance", async (string id, FamilyEducationClassAttendanceRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordFamilyEducationClassAttendance(id, body.Attendance), ct)))
            .WithSummary("After the class has started: who of the invited came (came true/false, note); files a 家长课堂 session on each referral.");
        classes.MapPost("/{id}/reschedule", async (string id, FamilyEducationClassRescheduleRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RescheduleFamilyEducationClass(id, body.ClassDate, body.StartTime, body.Place), ct)))
            .WithSummary("Moves a scheduled class to another date, time or place; the invited families' caseworkers are told; the reminder follows the new date.");
        classes.MapPost("/{id}/cancel", async (string id, FamilyEducationClassCancelRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelFamilyEducationClass(id, body.Reason), ct)))
            .WithSummary("Cancels a scheduled class with the reason; the invited families' caseworkers are told, no reminder goes out.");
        return api;
    }
}

internal sealed record FamilyEducationClassScheduleRequest(string? SubCentreId, string? Topic, string? ClassDate, string? StartTime, string? Place, int? Capacity);

internal sealed record FamilyEducationClassInviteRequest(IReadOnlyList<FamilyEducationClassInviteeInput>? Invitees);

internal sealed record FamilyEducationClassAttendanceRequest(IReadOnlyList<FamilyEducationClassAttendanceInput>? Attendance);

internal sealed record FamilyEducationClassCancelRequest(string? Reason);

internal sealed record FamilyEducationClassRescheduleRequest(string? ClassDate, string? StartTime, string? Place);
