using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Engine.Runtime;
using Mediator;

namespace Bishan.Workflow.Cases.Guardianship.RecordFollowUp;

/// <summary>
/// The review of the guardianship three months after the outcome (the workflow's timer makes it a task): whether the parent
/// is still at home and caring for the child. By the case's caseworker, 区民政局 or an administrator; 409 before it is due.
/// </summary>
public sealed record RecordFollowUp(long ConsultationId, bool? ParentAtHome, bool? Caring, string? Note) : ICommand<ConsultationView>;

public sealed class RecordFollowUpHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, IWorkflowRuntime runtime,
    CaseWorkflows workflows) : ICommandHandler<RecordFollowUp, ConsultationView>
{
    public const int MaxNoteLength = 2000;

    public async ValueTask<ConsultationView> Handle(RecordFollowUp command, CancellationToken cancellationToken)
    {
        var consultation = await Consultations.LoadAsync(db, command.ConsultationId, cancellationToken);
        var @case = await Consultations.LoadCaseAsync(db, user, tree, consultation.CaseId, cancellationToken);
        if (!GuardianshipAccess.MayKeep(user) && !GuardianshipAccess.IsCaseworkerFor(user, @case))
            throw new ForbiddenException(UseCaseStrings.Format("Guardianship_FollowUpForbidden", @case.FileNumber));
        var errors = new InputErrors();
        if (command.ParentAtHome is null) errors.Required("parentAtHome");
        if (command.Caring is null) errors.Required("caring");
        var note = errors.Text("followUpNote", command.Note, MaxNoteLength, required: true);
        errors.ThrowIfAny();
        var task = consultation.Status == GuardianshipConsultationStatus.AwaitingFollowUp
            ? await Consultations.OpenTaskAsync(db, consultation, cancellationToken)
            : null;
        if (task is null) throw new ConflictException(UseCaseStrings.Format("Guardianship_FollowUpNotDue"));

        var now = time.GetUtcNow().UtcDateTime;
        consultation.FollowUpParentAtHome = command.ParentAtHome;
        consultation.FollowUpCaring = command.Caring;
        consultation.FollowUpNote = note;
        consultation.FollowUpByUserId = user.UserId;
        consultation.FollowUpAtUtc = now;
        consultation.Status = GuardianshipConsultationStatus.Closed;
        var text = UseCaseStrings.Record("GuardianshipTimeline_FollowUp",
            UseCaseStrings.Record(command.ParentAtHome!.Value ? "GuardianshipAnswer_Yes" : "GuardianshipAnswer_No"),
            UseCaseStrings.Record(command.Caring!.Value ? "GuardianshipAnswer_Yes" : "GuardianshipAnswer_No"), note);
        Consultations.Timeline(db, consultation.CaseId, user.UserId, now, text);
        AuditLog.Add(db, user, time, AuditActions.GuardianshipConsultationChange, nameof(Case), consultation.CaseId,
            $"reviewed {consultation.Id.ToString(CultureInfo.InvariantCulture)}: at home {command.ParentAtHome}, caring {command.Caring}");
        await db.SaveChangesAsync(cancellationToken);
        await Consultations.CompleteTaskAsync(runtime, workflows, task, "Done", new JsonObject { ["reviewNote"] = text }, user.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ConsultationView.LoadAsync(db, user, tree, time, consultation.Id, audit: false, cancellationToken);
    }
}
