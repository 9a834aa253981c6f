using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Family.ChangeFamilyMember;

/// <summary>Changes a member as a whole (the form sends every field); the history keeps what changed. 409 when nothing did.</summary>
public sealed record ChangeFamilyMember(string CaseId, long MemberId, FamilyMemberInput? Member) : ICommand<FamilyView>;

public sealed class ChangeFamilyMemberHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<ChangeFamilyMember, FamilyView>
{
    public async ValueTask<FamilyView> Handle(ChangeFamilyMember command, CancellationToken cancellationToken)
    {
        var @case = await FamilyAccess.LoadForChangeAsync(db, user, tree, command.CaseId, cancellationToken);
        var member = await db.FamilyMembers.FirstOrDefaultAsync(m => m.Id == command.MemberId && m.CaseId == @case.Id && m.Active, cancellationToken)
            ?? throw new NotFoundException(UseCaseStrings.Format("Family_MemberNotFound", command.MemberId));
        var errors = new InputErrors();
        var valid = FamilyMemberChecks.Validate(errors, "", command.Member);
        errors.ThrowIfAny();
        // A form shows the phone masked: no phone sent (null) keeps the stored one; an empty text clears it.
        if (command.Member!.Phone is null) valid = valid! with { Phone = member.Phone };
        await FamilyDuplicates.EnsureNoneAsync(db, @case.Id, valid!, member.Id, cancellationToken);
        var before = FamilyMembers.Copy(member);
        FamilyMembers.Apply(member, valid!, time.GetUtcNow().UtcDateTime);
        var differences = FamilyHistoryText.Differences(before, member);
        if (differences.Count == 0) throw new ConflictException(UseCaseStrings.Format("Family_NothingChanged"));
        FamilyAccess.Record(db, user, time, @case, AuditActions.FamilyChange,
            UseCaseStrings.Record("FamilyHistory_Changed", before.Name, string.Join("；", differences)));
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyView.LoadAsync(db, @case.Id, true, Permissions.MaySeeWholeIdNumber(user, @case), cancellationToken);
    }
}
