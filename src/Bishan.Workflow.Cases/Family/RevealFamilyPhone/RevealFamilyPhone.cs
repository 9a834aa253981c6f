using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Family.RevealFamilyPhone;

/// <summary>
/// A family member's whole phone number, asked for on purpose and audited, for the same people who may reveal the minor's ID
/// number (administrators and the case's caseworker).
/// </summary>
public sealed record RevealFamilyPhone(string CaseId, long MemberId) : ICommand<string?>;

public sealed class RevealFamilyPhoneHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RevealFamilyPhone, string?>
{
    public async ValueTask<string?> Handle(RevealFamilyPhone command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        var member = await db.FamilyMembers.AsNoTracking()
                .FirstOrDefaultAsync(m => m.Id == command.MemberId && m.CaseId == @case.Id && m.Active, cancellationToken)
            ?? throw new NotFoundException(UseCaseStrings.Format("Family_MemberNotFound", command.MemberId));
        if (!Permissions.MaySeeWholeIdNumber(user, @case)) throw new ForbiddenException(UseCaseStrings.Format("Family_MayNotRevealPhone"));
        AuditLog.Add(db, user, time, AuditActions.FamilyPhoneReveal, nameof(Case), @case.Id,
            "member " + member.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return member.Phone;
    }
}
