using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Family.RemoveFamilyMember;

/// <summary>Takes a member off the file (entered by mistake, moved out); the row stays inactive and the history says so.</summary>
public sealed record RemoveFamilyMember(string CaseId, long MemberId) : ICommand<FamilyView>;

public sealed class RemoveFamilyMemberHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RemoveFamilyMember, FamilyView>
{
    public async ValueTask<FamilyView> Handle(RemoveFamilyMember command, CancellationToken cancellationToken)
    {
        var @case = await FamilyAccess.LoadForChangeAsync(db, user, tree, command.CaseId, cancellationToken);
        var member = await db.FamilyMembers.FirstOrDefaultAsync(m => m.Id == command.MemberId && m.CaseId == @case.Id && m.Active, cancellationToken)
            ?? throw new NotFoundException(UseCaseStrings.Format("Family_MemberNotFound", command.MemberId));
        member.Active = false;
        member.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        FamilyAccess.Record(db, user, time, @case, AuditActions.FamilyChange,
            UseCaseStrings.Record("FamilyHistory_Removed", FamilyHistoryText.Describe(member)));
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyView.LoadAsync(db, @case.Id, true, Permissions.MaySeeWholeIdNumber(user, @case), cancellationToken);
    }
}
