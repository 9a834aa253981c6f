using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.FamilyEducation.GetReferral;

/// <summary>One referral with the family (phones masked), plan, sessions and evaluation. Audited as a read of the minor's personal data.</summary>
public sealed record GetFamilyEducationReferral(string Id) : IQuery<FamilyEducationReferralView>;

public sealed class GetFamilyEducationReferralHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetFamilyEducationReferral, FamilyEducationReferralView>
{
    public async ValueTask<FamilyEducationReferralView> Handle(GetFamilyEducationReferral query, CancellationToken cancellationToken)
    {
        var referral = await FamilyEducationAccess.LoadVisibleAsync(db, user, tree, query.Id, cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationRead, nameof(Case), referral.CaseId, $"referral {referral.Id}; phones: masked");
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationReferralView.LoadAsync(db, tree, referral, FamilyEducationAccess.MayAct(user, referral), cancellationToken);
    }
}
