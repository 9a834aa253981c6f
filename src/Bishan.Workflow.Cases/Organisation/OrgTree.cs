using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Organisation;

/// <summary>
/// A validated set of org units with the scope questions the rest of the system asks: which area is
/// this unit in, and is this unit at or under that one. Built from any list (the seed today, the database
/// later), so an administrator's edits go through the same checks as the seed.
/// </summary>
public sealed class OrgTree
{
    private readonly Dictionary<string, OrgUnit> _byId;
    private readonly ILookup<string, OrgUnit> _byParent;

    /// <summary>
    /// Builds the tree and rejects broken data up front (duplicate ids, missing parents, cycles,
    /// schools or communities outside an area), because a broken tree would silently widen or narrow access.
    /// </summary>
    /// <exception cref="ArgumentException">The units do not form a valid tree.</exception>
    public OrgTree(IEnumerable<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = [.. units];

        var duplicates = Units.GroupBy(u => u.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Duplicate org unit ids: {string.Join(", ", duplicates)}.", nameof(units));
        }

        _byId = Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _byParent = Units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        Validate();
    }

    /// <summary>The units in the order given.</summary>
    public IReadOnlyList<OrgUnit> Units { get; }

    /// <summary>Whether a unit with this id exists; the API answers 400 for unknown org units.</summary>
    public bool Contains(string unitId) => _byId.ContainsKey(unitId);

    /// <summary>The unit, or <c>null</c> when the id is unknown.</summary>
    public OrgUnit? Find(string unitId) => _byId.GetValueOrDefault(unitId);

    /// <summary>The unit.</summary>
    /// <exception cref="KeyNotFoundException">The id is unknown.</exception>
    public OrgUnit Get(string unitId) =>
        Find(unitId) ?? throw new KeyNotFoundException($"Unknown org unit '{unitId}'.");

    /// <summary>The direct children of a unit, in the order given.</summary>
    public IEnumerable<OrgUnit> ChildrenOf(string unitId) => _byParent[unitId];

    /// <summary>Units of one kind, e.g. the four areas.</summary>
    public IEnumerable<OrgUnit> OfKind(OrgUnitKind kind) => Units.Where(u => u.Kind == kind);

    /// <summary>The parent chain of a unit, nearest first, excluding the unit itself.</summary>
    /// <exception cref="KeyNotFoundException">The id is unknown.</exception>
    public IEnumerable<OrgUnit> AncestorsOf(string unitId)
    {
        var unit = Get(unitId);
        while (unit.ParentId is not null)
        {
            unit = _byId[unit.ParentId];
            yield return unit;
        }
    }

    /// <summary>
    /// The area (片区) a unit belongs to: the area itself, the area of a school or community, or <c>null</c>
    /// for district-level units, which belong to no area. Light-tier cases are coordinated by this area.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The id is unknown: a case always names a known unit.</exception>
    public string? AreaOf(string unitId)
    {
        var unit = Get(unitId);
        if (unit.Kind == OrgUnitKind.Area)
        {
            return unit.Id;
        }

        return unit.AreaId ?? AncestorsOf(unitId).FirstOrDefault(a => a.Kind == OrgUnitKind.Area)?.Id;
    }

    /// <summary>
    /// Whether <paramref name="unitId"/> is <paramref name="ancestorId"/> itself or lies below it. Inclusive, because a
    /// school's staff see their own school's cases. Unknown ids answer <c>false</c> so a scope check fails closed.
    /// </summary>
    public bool IsUnder(string ancestorId, string unitId)
    {
        if (!Contains(ancestorId) || !Contains(unitId))
        {
            return false;
        }

        return string.Equals(ancestorId, unitId, StringComparison.Ordinal)
            || AncestorsOf(unitId).Any(a => string.Equals(a.Id, ancestorId, StringComparison.Ordinal));
    }

    private void Validate()
    {
        foreach (var unit in Units)
        {
            if (string.IsNullOrWhiteSpace(unit.Id) || string.IsNullOrWhiteSpace(unit.Name))
            {
                throw new ArgumentException($"Org unit '{unit.Id}' needs an id and a name.");
            }

            if (unit.ParentId is not null && !_byId.ContainsKey(unit.ParentId))
            {
                throw new ArgumentException($"Org unit '{unit.Id}' names parent '{unit.ParentId}', which does not exist.");
            }
        }

        foreach (var unit in Units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
            for (var parentId = unit.ParentId; parentId is not null; parentId = _byId[parentId].ParentId)
            {
                if (!seen.Add(parentId))
                {
                    throw new ArgumentException($"Org unit '{unit.Id}' is part of a parent cycle.");
                }
            }
        }

        foreach (var unit in Units.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.Community))
        {
            var area = AncestorsOf(unit.Id).FirstOrDefault(a => a.Kind == OrgUnitKind.Area);
            if (area is null)
            {
                throw new ArgumentException($"{unit.Kind} '{unit.Id}' is not under an area.");
            }

            if (unit.AreaId is not null && !string.Equals(unit.AreaId, area.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{unit.Kind} '{unit.Id}' names area '{unit.AreaId}' but sits under '{area.Id}'.");
            }
        }
    }
}
