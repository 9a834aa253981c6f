using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.RevealGuidancePhone;

/// <summary>
/// A family member's whole phone for the sub-centre guiding the family (to call the parents), while the referral is open;
/// audited <c>family-education.phone.reveal</c> on the case. Others use the family tab's reveal (administrators, the caseworker).
/// </summary>
public sealed record RevealGuidancePhone(string ReferralId, long MemberId) : ICommand<string?>;

public sealed class RevealGuidancePhoneHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RevealGuidancePhone, string?>
{
    public async ValueTask<string?> Handle(RevealGuidancePhone command, CancellationToken cancellationToken)
    {
        var referral = await FamilyEducationAccess.LoadForActionAsync(db, user, tree, command.ReferralId, cancellationToken);
        if (!FamilyEducationAccess.IsOpen(referral.Status))
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_Closed", DomainLabels.For(referral.Status)));
        var member = await db.FamilyMembers.AsNoTracking()
                         .FirstOrDefaultAsync(m => m.Id == command.MemberId && m.CaseId == referral.CaseId && m.Active, cancellationToken)
                     ?? throw new NotFoundException(UseCaseStrings.Format("Family_MemberNotFound", command.MemberId));
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationPhoneReveal, nameof(Case), referral.CaseId,
            "member " + member.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return member.Phone;
    }
}
