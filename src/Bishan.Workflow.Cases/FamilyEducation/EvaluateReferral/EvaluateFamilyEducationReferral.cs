using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks.CompleteTask;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.EvaluateReferral;

/// <summary>
/// The sub-centre evaluates the change in parenting once the workflow's timer has made the evaluation due, by completing the
/// evaluation task: the result goes on the referral, the case's timeline and the exit evaluation's evidence. 400 at
/// <c>parentingChange</c> (Improved, PartlyImproved, NotImproved) or <c>note</c> (required); 403 unless the sub-centre; 409 when
/// the evaluation is not due (yet, or any more).
/// </summary>
public sealed record EvaluateFamilyEducationReferral(string Id, string? ParentingChange, string? Note) : ICommand<FamilyEducationReferralView>;

public sealed class EvaluateFamilyEducationReferralHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, IMediator mediator)
    : ICommandHandler<EvaluateFamilyEducationReferral, FamilyEducationReferralView>
{
    public const int MaxNoteLength = 1000;

    public async ValueTask<FamilyEducationReferralView> Handle(EvaluateFamilyEducationReferral command, CancellationToken cancellationToken)
    {
        var referral = await FamilyEducationAccess.LoadForActionAsync(db, user, tree, command.Id, cancellationToken);
        var errors = new InputErrors();
        var change = errors.Enum<ParentingChange>("parentingChange", command.ParentingChange, required: true);
        var note = errors.Text("note", command.Note, MaxNoteLength, required: true);
        errors.ThrowIfAny();
        if (referral.Status != FamilyEducationStatus.EvaluationDue)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_EvaluationNotDue", DomainLabels.For(referral.Status)));

        var taskId = await FamilyEducationTasks.OpenTaskAsync(db, referral, FamilyEducationTasks.EvaluateNode, cancellationToken);
        var data = new JsonObject { ["parentingChange"] = DomainLabels.For(change!.Value, CaseTexts.Culture), ["evaluationNote"] = note };
        await mediator.Send(new CompleteTask(taskId, "Evaluated", data, null), cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationEvaluate, nameof(Case), referral.CaseId, $"{referral.Id}: {change}");
        await db.SaveChangesAsync(cancellationToken);
        var saved = await db.FamilyEducationReferrals.AsNoTracking().FirstAsync(r => r.Id == referral.Id, cancellationToken);
        return await FamilyEducationReferralView.LoadAsync(db, tree, saved, true, cancellationToken);
    }
}
