using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Family.AddFamilyMember;

/// <summary>Adds a guardian or household member to a case file: 400 field errors, 409 a duplicate or a closed file; history, timeline, audit.</summary>
public sealed record AddFamilyMember(string CaseId, FamilyMemberInput? Member) : ICommand<FamilyView>;

public sealed class AddFamilyMemberHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<AddFamilyMember, FamilyView>
{
    public async ValueTask<FamilyView> Handle(AddFamilyMember command, CancellationToken cancellationToken)
    {
        var @case = await FamilyAccess.LoadForChangeAsync(db, user, tree, command.CaseId, cancellationToken);
        var errors = new InputErrors();
        var valid = FamilyMemberChecks.Validate(errors, "", command.Member);
        errors.ThrowIfAny();
        await FamilyDuplicates.EnsureNoneAsync(db, @case.Id, valid!, null, cancellationToken);
        var member = FamilyMembers.Create(@case.Id, valid!, time.GetUtcNow().UtcDateTime);
        db.FamilyMembers.Add(member);
        FamilyAccess.Record(db, user, time, @case, AuditActions.FamilyChange,
            UseCaseStrings.Record("FamilyHistory_Added", FamilyHistoryText.Describe(member)));
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyView.LoadAsync(db, @case.Id, true, Permissions.MaySeeWholeIdNumber(user, @case), cancellationToken);
    }
}
