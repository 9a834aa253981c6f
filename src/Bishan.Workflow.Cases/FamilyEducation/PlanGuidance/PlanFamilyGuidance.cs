using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Mediator;

namespace Bishan.Workflow.Cases.FamilyEducation.PlanGuidance;

/// <summary>
/// The sub-centre plans the family's guidance: which kinds (个别指导 <c>Individual</c>, 家长课堂 <c>ParentClass</c>, 入户指导
/// <c>HomeVisit</c>) and a note; a later plan replaces it. 400 at <c>guidanceKinds</c> (none, or not a kind) or <c>note</c>;
/// 403 unless the sub-centre; 409 unless the referral is in guidance (accepted, not yet evaluated).
/// </summary>
public sealed record PlanFamilyGuidance(string Id, IReadOnlyList<string>? GuidanceKinds, string? Note) : ICommand<FamilyEducationReferralView>;

public sealed class PlanFamilyGuidanceHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<PlanFamilyGuidance, FamilyEducationReferralView>
{
    public const int MaxNoteLength = 1000;

    public async ValueTask<FamilyEducationReferralView> Handle(PlanFamilyGuidance command, CancellationToken cancellationToken)
    {
        var referral = await FamilyEducationAccess.LoadForActionAsync(db, user, tree, command.Id, cancellationToken);
        var errors = new InputErrors();
        var kinds = new List<GuidanceKind>();
        if (command.GuidanceKinds is not { Count: > 0 } || command.GuidanceKinds.All(string.IsNullOrWhiteSpace)) errors.Required("guidanceKinds");
        else
            foreach (var text in command.GuidanceKinds.Where(k => !string.IsNullOrWhiteSpace(k)))
            {
                var kind = errors.Enum<GuidanceKind>("guidanceKinds", text);
                if (kind is { } k) kinds.Add(k);
            }
        var note = errors.Text("note", command.Note, MaxNoteLength);
        errors.ThrowIfAny();
        FamilyEducationAccess.EnsureInGuidance(referral);

        var now = time.GetUtcNow().UtcDateTime;
        referral.PlanKinds = FamilyEducation.GuidanceKinds.Store(kinds);
        referral.PlanNote = note;
        referral.PlannedAtUtc = now;
        var labels = string.Join("、", FamilyEducation.GuidanceKinds.Parse(referral.PlanKinds).Select(k => DomainLabels.For(k, CaseTexts.Culture)));
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = referral.CaseId, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
            Text = CaseTexts.Format("FamilyEducationTimeline_Planned", tree.Find(referral.SubCentreId)?.Name ?? referral.SubCentreId, labels),
        });
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationPlan, nameof(Case), referral.CaseId, $"{referral.Id}: {referral.PlanKinds}");
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationReferralView.LoadAsync(db, tree, referral, true, cancellationToken);
    }
}
