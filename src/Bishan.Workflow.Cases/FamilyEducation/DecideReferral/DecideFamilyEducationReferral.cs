using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks.CompleteTask;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.DecideReferral;

/// <summary>
/// The sub-centre accepts (<c>Accept</c>) or declines (<c>Decline</c>) a referral by completing the workflow's accept/decline task;
/// the workflow writes the decision, the timeline line and the caseworker's notification. 400 at <c>referralDecision</c> or a too long
/// <c>reason</c>; 403 unless a guidance worker of the sub-centre; 409 when already decided, or a decline without a reason.
/// </summary>
public sealed record DecideFamilyEducationReferral(string Id, string? Decision, string? Reason) : ICommand<FamilyEducationReferralView>;

public sealed class DecideFamilyEducationReferralHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, IMediator mediator)
    : ICommandHandler<DecideFamilyEducationReferral, FamilyEducationReferralView>
{
    public const string Accept = "Accept";
    public const string Decline = "Decline";

    public async ValueTask<FamilyEducationReferralView> Handle(DecideFamilyEducationReferral command, CancellationToken cancellationToken)
    {
        var referral = await FamilyEducationAccess.LoadForActionAsync(db, user, tree, command.Id, cancellationToken);
        var errors = new InputErrors();
        var decision = command.Decision?.Trim() switch
        {
            null or "" => null,
            var d when string.Equals(d, Accept, StringComparison.OrdinalIgnoreCase) || string.Equals(d, "Accepted", StringComparison.OrdinalIgnoreCase) => Accept,
            var d when string.Equals(d, Decline, StringComparison.OrdinalIgnoreCase) || string.Equals(d, "Declined", StringComparison.OrdinalIgnoreCase) => Decline,
            _ => "?",
        };
        if (decision is null) errors.Required("referralDecision");
        else if (decision == "?") errors.Add("referralDecision", InputErrors.Message("FamilyEducation_DecisionInvalid", "referralDecision"));
        var reason = errors.Text("reason", command.Reason, ReferFamily.ReferFamilyForGuidanceHandler.MaxReasonLength);
        errors.ThrowIfAny();

        if (referral.Status != FamilyEducationStatus.Referred)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_AlreadyDecided", DomainLabels.For(referral.Status)));
        if (decision == Decline && reason is null) throw new ConflictException(UseCaseStrings.Format("FamilyEducation_DeclineNeedsReason"));
        var taskId = await FamilyEducationTasks.OpenTaskAsync(db, referral, FamilyEducationTasks.DecideNode, cancellationToken);
        await mediator.Send(new CompleteTask(taskId, decision == Accept ? "Accepted" : "Declined", new JsonObject { ["decisionReason"] = reason ?? "" }, null),
            cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationDecide, nameof(Case), referral.CaseId, $"{referral.Id}: {decision}");
        await db.SaveChangesAsync(cancellationToken);
        var saved = await db.FamilyEducationReferrals.AsNoTracking().FirstAsync(r => r.Id == referral.Id, cancellationToken);
        return await FamilyEducationReferralView.LoadAsync(db, tree, saved, true, cancellationToken);
    }
}
