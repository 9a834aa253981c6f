using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;

namespace Bishan.Workflow.Cases.OrgUnits.ListOrgUnits;

/// <summary>
/// The whole organisation, to every signed-in user: unit names are not personal data, and the referral form and
/// filters need them. Scoping applies to cases, not to the tree. <paramref name="ActiveOnly"/> leaves out retired units: the
/// list a form offers for a new assignment (user, referral, helper, 督办); history views and filters list them all.
/// </summary>
public sealed record ListOrgUnits(bool ActiveOnly = false) : IQuery<IReadOnlyList<OrgUnitItem>>;

/// <summary>A unit of the tree; <paramref name="Retired"/> units stay listed (their cases keep them) but take no new work.</summary>
public sealed record OrgUnitItem(string Id, string Name, OrgUnitKind Kind, string? ParentId, string? AreaId = null, bool Retired = false);

public sealed class ListOrgUnitsHandler(OrgTree tree) : IQueryHandler<ListOrgUnits, IReadOnlyList<OrgUnitItem>>
{
    public ValueTask<IReadOnlyList<OrgUnitItem>> Handle(ListOrgUnits query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<OrgUnitItem>>(tree.Units.Where(u => !query.ActiveOnly || !u.Retired).Select(u => new OrgUnitItem(u.Id, u.Name, u.Kind, u.ParentId, u.AreaId, u.Retired)).ToList());
}
