using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.GetClass;

/// <summary>
/// One parent class with its invited family members and who came, and the families that may still be invited. It names minors
/// and their parents, so the read is audited on every invited case. 404 when there is none; 403 for another sub-centre's class.
/// </summary>
public sealed record GetFamilyEducationClass(string Id) : IQuery<FamilyEducationClassView>;

public sealed class GetFamilyEducationClassHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetFamilyEducationClass, FamilyEducationClassView>
{
    public async ValueTask<FamilyEducationClassView> Handle(GetFamilyEducationClass query, CancellationToken cancellationToken)
    {
        var @class = await FamilyEducationClassAccess.LoadVisibleAsync(db, user, tree, query.Id, cancellationToken);
        var caseIds = await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => i.ClassId == @class.Id).Select(i => i.CaseId).Distinct()
            .ToListAsync(cancellationToken);
        foreach (var caseId in caseIds)
            AuditLog.Add(db, user, time, AuditActions.FamilyEducationClassRead, nameof(Case), caseId, $"class {@class.Id}");
        if (caseIds.Count > 0) await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationClassView.LoadAsync(db, tree, @class, true, time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
