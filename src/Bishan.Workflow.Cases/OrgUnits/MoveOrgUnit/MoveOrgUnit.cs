using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.OrgUnits.MoveOrgUnit;

/// <summary>
/// Places a unit under another parent (a village from one 镇 to another, a school to another area). The parent must hold
/// the unit's kind and not be retired (400 at <c>parentId</c>); a unit never moves under itself or its own children, and
/// units the rules name by id do not move (409). A school or community moved takes the new parent's area; its cases keep
/// the area of their registration.
/// </summary>
public sealed record MoveOrgUnit(string Id, string? ParentId) : ICommand<OrgUnitView>;

public sealed class MoveOrgUnitHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<MoveOrgUnit, OrgUnitView>
{
    public async ValueTask<OrgUnitView> Handle(MoveOrgUnit command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        await OrgUnitStore.BeginEditAsync(db, tree, cancellationToken);
        var row = await OrgUnitRules.FindAsync(db, command.Id, cancellationToken);
        if (row.RetiredAtUtc is not null) throw new ConflictException(UseCaseStrings.Format("OrgUnitRetiredNoChange", row.Name));
        if (OrgUnitRules.Protected.Contains(row.Id)) throw new ConflictException(UseCaseStrings.Format("OrgUnitProtected", row.Name));
        var errors = new InputErrors();
        var parent = OrgUnitRules.CheckParent(errors, tree, row.Kind, command.ParentId);
        if (parent is not null && tree.IsUnder(row.Id, parent.Id))
            errors.Add("parentId", UseCaseStrings.Format("OrgUnitMoveUnderItself", row.Name, parent.Name));
        errors.ThrowIfAny();

        var oldParent = row.ParentId;
        var unit = OrgUnitStore.ToUnit(row) with { ParentId = parent!.Id };
        var area = OrgUnitRules.AreaUnder(row.Kind, parent);
        if (area is not null) unit = unit with { AreaId = area };
        OrgUnitRules.EnsureValid(tree, unit);
        row.ParentId = parent.Id;
        if (area is not null) row.AreaId = area;
        AuditLog.Add(db, user, time, AuditActions.OrgUnitMove, "OrgUnit", row.Id, $"{oldParent} → {parent.Id}");
        await OrgUnitRules.SaveAndRefreshAsync(db, tree, cancellationToken);
        return OrgUnitView.Of(row, tree);
    }
}
