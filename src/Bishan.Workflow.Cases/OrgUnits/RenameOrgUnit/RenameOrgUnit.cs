using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Mediator;

namespace Bishan.Workflow.Cases.OrgUnits.RenameOrgUnit;

/// <summary>
/// Renames a unit (and optionally its English name). The id stays, so cases, tasks and users keep pointing at it; the old
/// name is kept in the audit row <c>orgunit.rename</c>. A retired unit is not renamed (409).
/// </summary>
public sealed record RenameOrgUnit(string Id, string? Name, string? EnglishName) : ICommand<OrgUnitView>;

public sealed class RenameOrgUnitHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RenameOrgUnit, OrgUnitView>
{
    public async ValueTask<OrgUnitView> Handle(RenameOrgUnit command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        await OrgUnitStore.BeginEditAsync(db, tree, cancellationToken);
        var row = await OrgUnitRules.FindAsync(db, command.Id, cancellationToken);
        var errors = new InputErrors();
        var name = errors.Text("name", command.Name, OrgUnitRules.MaxNameLength, required: true);
        var english = errors.Text("englishName", command.EnglishName, 150);
        errors.ThrowIfAny();
        if (row.RetiredAtUtc is not null) throw new ConflictException(UseCaseStrings.Format("OrgUnitRetiredNoChange", row.Name));

        var old = row.Name;
        row.Name = name!;
        if (english is not null) row.EnglishName = english;
        AuditLog.Add(db, user, time, AuditActions.OrgUnitRename, "OrgUnit", row.Id, $"{old} → {row.Name}");
        await OrgUnitRules.SaveAndRefreshAsync(db, tree, cancellationToken);
        return OrgUnitView.Of(row, tree);
    }
}
