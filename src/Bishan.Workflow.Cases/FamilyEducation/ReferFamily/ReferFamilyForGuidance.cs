using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.ReferFamily;

/// <summary>
/// A caseworker refers the case's family to the family-education sub-centre of the case's area, with the reason: starts the
/// published `family-education-referral` workflow (the sub-centre's guidance workers get the accept/decline task). 400 for a
/// missing or too long reason; 403 out of scope or read-only; 409 while the family has an open referral, when the file is
/// closed, when the case's area has no sub-centre, or when the family has no member on file (there would be nobody to guide).
/// </summary>
public sealed record ReferFamilyForGuidance(string CaseId, string? Reason) : ICommand<FamilyEducationReferralView>;

public sealed class ReferFamilyForGuidanceHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, CaseWorkflows workflows,
    FamilyEducationOptions options) : ICommandHandler<ReferFamilyForGuidance, FamilyEducationReferralView>
{
    public const string Definition = "family-education-referral";
    public const int MaxReasonLength = 500;

    public async ValueTask<FamilyEducationReferralView> Handle(ReferFamilyForGuidance command, CancellationToken cancellationToken)
    {
        var @case = await FamilyAccess.LoadForChangeAsync(db, user, tree, command.CaseId, cancellationToken);
        var errors = new InputErrors();
        var reason = errors.Text("reason", command.Reason, MaxReasonLength, required: true);
        errors.ThrowIfAny();

        await db.LockRowAsync<Case>(@case.Id, cancellationToken);
        var open = await db.FamilyEducationReferrals.AsNoTracking()
            .Where(r => r.CaseId == @case.Id && (r.Status == FamilyEducationStatus.Referred || r.Status == FamilyEducationStatus.Accepted
                                                 || r.Status == FamilyEducationStatus.EvaluationDue))
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_AlreadyOpen", @case.FileNumber,
                FamilyEducationReferralView.UnitName(tree, open.SubCentreId), DomainLabels.For(open.Status)));
        var subCentre = FamilyEducationAccess.SubCentreFor(tree, @case.AreaId)
                        ?? throw new ConflictException(UseCaseStrings.Format("FamilyEducation_NoSubCentre", @case.FileNumber));
        if (!await db.FamilyMembers.AnyAsync(m => m.CaseId == @case.Id && m.Active, cancellationToken))
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_NoFamily", @case.FileNumber));
        await workflows.EnsurePublishedAsync(Definition, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var referral = new FamilyEducationReferral
        {
            Id = Guid.NewGuid().ToString("N"), CaseId = @case.Id, SubCentreId = subCentre.Id, Reason = reason!, ReferredByUserId = user.UserId ?? "",
            ReferredAtUtc = now, ReferredOn = DistrictCalendar.Today(time), Status = FamilyEducationStatus.Referred,
            EvaluationWeeks = Math.Clamp(options.EvaluationWeeks, 1, 52),
        };
        db.FamilyEducationReferrals.Add(referral);
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
            Text = Workflow.CaseTexts.Format("FamilyEducationTimeline_Referred", subCentre.Name, referral.Reason),
        });
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationRefer, nameof(Case), @case.Id, $"{referral.Id} → {subCentre.Id}");
        await db.SaveChangesAsync(cancellationToken);

        var input = new Dictionary<string, JsonNode?>
        {
            ["referralId"] = referral.Id, ["caseId"] = @case.Id, ["caseLabel"] = $"{@case.FileNumber} {@case.Name}",
            ["subCentreId"] = subCentre.Id, ["subCentreName"] = subCentre.Name, ["reason"] = referral.Reason,
            ["evaluationWeeks"] = referral.EvaluationWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        referral.WorkflowInstanceId = await workflows.StartForRequestAsync(db, user, time, Definition, @case.Id, input,
            () => db.FamilyEducationReferrals.Remove(referral), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationReferralView.LoadAsync(db, tree, referral, FamilyEducationAccess.MayAct(user, referral), cancellationToken);
    }
}
