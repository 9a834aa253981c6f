using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.OrgUnits.RetireOrgUnit;

/// <summary>
/// Retires a unit (撤销): it stays in the tree with its name, so its past cases, tasks and audit rows keep their history,
/// but takes no new users, children, referrals or supervision notices. Refused (409, with the reason) while it still has
/// active units under it, users placed in it or cases open there, and for the units the rules name by id.
/// </summary>
public sealed record RetireOrgUnit(string Id) : ICommand<OrgUnitView>;

public sealed class RetireOrgUnitHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RetireOrgUnit, OrgUnitView>
{
    private static readonly CaseStatus[] OpenStatuses = [CaseStatus.Referred, CaseStatus.Screening, CaseStatus.Registered, CaseStatus.ExitEvaluation];

    public async ValueTask<OrgUnitView> Handle(RetireOrgUnit command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        await OrgUnitStore.BeginEditAsync(db, tree, cancellationToken);
        var row = await OrgUnitRules.FindAsync(db, command.Id, cancellationToken);
        if (row.RetiredAtUtc is not null) throw new ConflictException(UseCaseStrings.Format("OrgUnitAlreadyRetired", row.Name));
        if (OrgUnitRules.Protected.Contains(row.Id)) throw new ConflictException(UseCaseStrings.Format("OrgUnitProtected", row.Name));
        var children = tree.ChildrenOf(row.Id).Count(c => !c.Retired);
        if (children > 0) throw new ConflictException(UseCaseStrings.Format("OrgUnitRetireHasChildren", row.Name, children));
        // Staff is a projection EF cannot filter on; the whole staff list is small.
        var users = (await db.Staff.ToListAsync(cancellationToken))
            .Where(s => string.Equals(s.OrgUnitId, row.Id, StringComparison.Ordinal)).Select(s => s.UserId).Distinct(StringComparer.Ordinal).Count();
        if (users > 0) throw new ConflictException(UseCaseStrings.Format("OrgUnitRetireHasUsers", row.Name, users));
        var open = await db.Cases.CountAsync(c => c.OrgUnitId == row.Id && OpenStatuses.Contains(c.Status), cancellationToken);
        if (open > 0) throw new ConflictException(UseCaseStrings.Format("OrgUnitRetireHasCases", row.Name, open));

        row.RetiredAtUtc = time.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, user, time, AuditActions.OrgUnitRetire, "OrgUnit", row.Id,
            string.Create(CultureInfo.InvariantCulture, $"{row.Kind} {row.Name}"));
        await OrgUnitRules.SaveAndRefreshAsync(db, tree, cancellationToken);
        return OrgUnitView.Of(row, tree);
    }
}
