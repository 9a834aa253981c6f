using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Organisation;

/// <summary>
/// One unit of the responsibility chain: the leading group, the task force, a department, an area
/// (its education-management centre), a school or a community/village. Users belong to one unit and
/// see data by it, so ids are stable strings that survive re-seeding and can appear in configuration.
/// </summary>
/// <param name="Id">Stable id such as <c>district</c>, <c>dept-education</c>, <c>area-bicheng</c>, <c>school-yuhu-primary</c>.</param>
/// <param name="Name">The Chinese name users see (区教委, 璧城片区教育管理中心 …).</param>
/// <param name="Kind">What sort of unit this is; scoping rules depend on it.</param>
/// <param name="ParentId">The unit above in the tree, or <c>null</c> for the root.</param>
public sealed record OrgUnit(string Id, string Name, OrgUnitKind Kind, string? ParentId)
{
    /// <summary>Name for the English UI; <c>null</c> falls back to <see cref="Name"/>.</summary>
    public string? EnglishName { get; init; }

    /// <summary>
    /// For departments: the actions they lead or carry out. A department supervisor's scope is these
    /// actions across the district, not a subtree, which is why it is data on the unit.
    /// </summary>
    public IReadOnlyList<FiveAction> Actions { get; init; } = [];

    /// <summary>For schools and communities: the area they belong to, which decides the light-tier coordinating body.</summary>
    public string? AreaId { get; init; }

    /// <summary>
    /// A retired unit (撤销) takes no new users, children, cases or supervision notices, but stays in the tree so that the
    /// cases, tasks and audit rows that name it keep their history.
    /// </summary>
    public bool Retired { get; init; }

    /// <summary>Value equality including <see cref="Actions"/> (records compare lists by reference), so a unit loaded from the database equals its seed.</summary>
    public bool Equals(OrgUnit? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Kind == other.Kind
        && ParentId == other.ParentId
        && EnglishName == other.EnglishName
        && AreaId == other.AreaId
        && Retired == other.Retired
        && Actions.SequenceEqual(other.Actions);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, ParentId, EnglishName, AreaId, Actions.Count);
}
