using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.OrgUnits.CreateOrgUnit;

/// <summary>
/// Adds a unit under a parent that may hold its kind (a school under an area or a 镇街, a 镇街 under the leading group …).
/// Administrators only; audited <c>orgunit.create</c>. A town/street names its area; schools and communities take theirs
/// from the parent.
/// </summary>
public sealed record CreateOrgUnit(string? Name, string? Kind, string? ParentId, string? EnglishName, string? AreaId) : ICommand<OrgUnitView>;

public sealed class CreateOrgUnitHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<CreateOrgUnit, OrgUnitView>
{
    public async ValueTask<OrgUnitView> Handle(CreateOrgUnit command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        await OrgUnitStore.BeginEditAsync(db, tree, cancellationToken);
        var errors = new InputErrors();
        var name = errors.Text("name", command.Name, OrgUnitRules.MaxNameLength, required: true);
        var english = errors.Text("englishName", command.EnglishName, 150);
        var kind = errors.Enum<OrgUnitKind>("kind", command.Kind, required: true);
        if (kind == OrgUnitKind.District) errors.Add("kind", UseCaseStrings.Format("OrgUnitKindNotCreatable", DomainLabels.For(OrgUnitKind.District)));
        var parent = kind is { } k && k != OrgUnitKind.District ? OrgUnitRules.CheckParent(errors, tree, k, command.ParentId) : null;
        string? area = null;
        if (kind == OrgUnitKind.TownStreet)
        {
            area = errors.Text("areaId", command.AreaId, 64, required: true);
            if (area is not null && tree.Find(area) is not { Kind: OrgUnitKind.Area, Retired: false })
            {
                errors.Add("areaId", UseCaseStrings.Format("OrgUnitNotInTree", area));
                area = null;
            }
        }
        else if (kind is { } k2 && parent is not null)
        {
            area = OrgUnitRules.AreaUnder(k2, parent);
        }
        if (name is not null && parent is not null
            && tree.ChildrenOf(parent.Id).Any(c => !c.Retired && string.Equals(c.Name, name, StringComparison.Ordinal)))
            errors.Add("name", UseCaseStrings.Format("OrgUnitNameTaken", name, parent.Name));
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        var id = $"{kind!.Value.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..10]}";
        var position = (await db.OrgUnits.MaxAsync(u => (int?)u.Position, cancellationToken) ?? 0) + 1;
        var unit = new OrgUnit(id, name!, kind.Value, parent!.Id) { EnglishName = english, AreaId = area };
        OrgUnitRules.EnsureValid(tree, unit);
        var row = OrgUnitStore.ToRecord(unit, position, now);
        db.OrgUnits.Add(row);
        AuditLog.Add(db, user, time, AuditActions.OrgUnitCreate, "OrgUnit", id,
            string.Create(CultureInfo.InvariantCulture, $"{kind} {name} under {parent.Id}"));
        await OrgUnitRules.SaveAndRefreshAsync(db, tree, cancellationToken);
        return OrgUnitView.Of(row, tree);
    }
}
