using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.Family.GetFamily;

/// <summary>The family of a case (家庭 tab): situation, support, members with masked phones, history. Audited as a read of personal data.</summary>
public sealed record GetFamily(string CaseId) : IQuery<FamilyView>;

public sealed class GetFamilyHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : IQueryHandler<GetFamily, FamilyView>
{
    public async ValueTask<FamilyView> Handle(GetFamily query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(query.CaseId, CaseScope.For(user, tree), cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.FamilyRead, nameof(Case), @case.Id, "phones: masked");
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyView.LoadAsync(db, @case.Id, FamilyAccess.MayEdit(user, @case), Permissions.MaySeeWholeIdNumber(user, @case), cancellationToken);
    }
}
