using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Organisation;

/// <summary>
/// A validated set of org units with the scope questions the rest of the system asks: which area is
/// this unit in, and is this unit at or under that one. Built from any list (the seed today, the database
/// later), so an administrator's edits go through the same checks as the seed.
/// </summary>
/// <remarks>
/// The application holds one tree for its lifetime (a singleton that every scope check reads); administrators' edits
/// replace its contents atomically with <see cref="Replace"/>, after the new list passed the same validation. Readers see
/// either the old or the new tree, never a half-edited one. Each snapshot carries the database version it was loaded at
/// (<see cref="Version"/>, from <c>OrgTreeStamps</c>); a node compares it with the stored version before each use case
/// and reloads when another node has edited the organisation.
/// </remarks>
public sealed class OrgTree
{
    private Snapshot _current;

    private sealed record Snapshot(IReadOnlyList<OrgUnit> Units, Dictionary<string, OrgUnit> ById, ILookup<string, OrgUnit> ByParent)
    {
        public long? Version { get; init; }
    }

    /// <summary>
    /// Builds the tree and rejects broken data up front (duplicate ids, missing parents, cycles,
    /// schools or communities outside an area), because a broken tree would silently widen or narrow access.
    /// </summary>
    /// <exception cref="ArgumentException">The units do not form a valid tree.</exception>
    public OrgTree(IEnumerable<OrgUnit> units)
    {
        _current = Build(units);
    }

    /// <summary>The units in the order given.</summary>
    public IReadOnlyList<OrgUnit> Units => _current.Units;

    /// <summary>
    /// Replaces every unit at once (administrators' edits, the database's units at start-up), after validating the new list
    /// exactly as the constructor does; on an invalid list the tree is left as it was.
    /// </summary>
    /// <exception cref="ArgumentException">The units do not form a valid tree.</exception>
    public void Replace(IEnumerable<OrgUnit> units) => Replace(units, version: null);

    /// <summary>
    /// Replaces every unit at once and records the stored version they were read at; <c>null</c> means "not known to be
    /// current" (the seed, or an edit not yet committed), so the next check reloads from the database.
    /// </summary>
    /// <exception cref="ArgumentException">The units do not form a valid tree.</exception>
    public void Replace(IEnumerable<OrgUnit> units, long? version) =>
        Interlocked.Exchange(ref _current, Build(units) with { Version = version });

    /// <summary>The stored organisation version this tree was loaded at, or <c>null</c> when it may not be current.</summary>
    public long? Version => _current.Version;

    /// <summary>Whether the units would form a valid tree, without changing this one; <paramref name="problem"/> says why not.</summary>
    public static bool IsValid(IEnumerable<OrgUnit> units, out string? problem)
    {
        try
        {
            Build(units);
            problem = null;
            return true;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }
    }

    private static Snapshot Build(IEnumerable<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        List<OrgUnit> list = [.. units];

        var duplicates = list.GroupBy(u => u.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Duplicate org unit ids: {string.Join(", ", duplicates)}.", nameof(units));
        }

        var snapshot = new Snapshot(list, list.ToDictionary(u => u.Id, StringComparer.Ordinal),
            list.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, StringComparer.Ordinal));
        Validate(snapshot);
        return snapshot;
    }

    /// <summary>Whether a unit with this id exists; the API answers 400 for unknown org units.</summary>
    public bool Contains(string unitId) => _current.ById.ContainsKey(unitId);

    /// <summary>The unit, or <c>null</c> when the id is unknown.</summary>
    public OrgUnit? Find(string unitId) => _current.ById.GetValueOrDefault(unitId);

    /// <summary>The unit.</summary>
    /// <exception cref="KeyNotFoundException">The id is unknown.</exception>
    public OrgUnit Get(string unitId) =>
        Find(unitId) ?? throw new KeyNotFoundException($"Unknown org unit '{unitId}'.");

    /// <summary>The direct children of a unit, in the order given.</summary>
    public IEnumerable<OrgUnit> ChildrenOf(string unitId) => _current.ByParent[unitId];

    /// <summary>Units of one kind, e.g. the four areas.</summary>
    public IEnumerable<OrgUnit> OfKind(OrgUnitKind kind) => Units.Where(u => u.Kind == kind);

    /// <summary>The parent chain of a unit, nearest first, excluding the unit itself.</summary>
    /// <exception cref="KeyNotFoundException">The id is unknown.</exception>
    public IEnumerable<OrgUnit> AncestorsOf(string unitId) => AncestorsIn(_current, unitId);

    private static IEnumerable<OrgUnit> AncestorsIn(Snapshot snapshot, string unitId)
    {
        var unit = snapshot.ById.GetValueOrDefault(unitId) ?? throw new KeyNotFoundException($"Unknown org unit '{unitId}'.");
        while (unit.ParentId is not null)
        {
            unit = snapshot.ById[unit.ParentId];
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

        if (unit.AreaId is not null) return unit.AreaId;
        foreach (var ancestor in AncestorsOf(unitId))
        {
            if (ancestor.Kind == OrgUnitKind.Area) return ancestor.Id;
            if (ancestor.Kind == OrgUnitKind.TownStreet && ancestor.AreaId is not null) return ancestor.AreaId;
        }

        return null;
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

    private static void Validate(Snapshot snapshot)
    {
        var byId = snapshot.ById;
        foreach (var unit in snapshot.Units)
        {
            if (string.IsNullOrWhiteSpace(unit.Id) || string.IsNullOrWhiteSpace(unit.Name))
            {
                throw new ArgumentException($"Org unit '{unit.Id}' needs an id and a name.");
            }

            if (unit.ParentId is not null && !byId.ContainsKey(unit.ParentId))
            {
                throw new ArgumentException($"Org unit '{unit.Id}' names parent '{unit.ParentId}', which does not exist.");
            }
        }

        foreach (var unit in snapshot.Units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
            for (var parentId = unit.ParentId; parentId is not null; parentId = byId[parentId].ParentId)
            {
                if (!seen.Add(parentId))
                {
                    throw new ArgumentException($"Org unit '{unit.Id}' is part of a parent cycle.");
                }
            }
        }

        foreach (var unit in snapshot.Units.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.Community))
        {
            // A school or community lies under its area, directly or through a town/street (镇街) of that area.
            var ancestors = AncestorsIn(snapshot, unit.Id).ToList();
            var area = ancestors.FirstOrDefault(a => a.Kind == OrgUnitKind.Area)?.Id
                ?? ancestors.FirstOrDefault(a => a.Kind == OrgUnitKind.TownStreet)?.AreaId;
            if (area is null)
            {
                throw new ArgumentException($"{unit.Kind} '{unit.Id}' is not under an area.");
            }

            if (unit.AreaId is not null && !string.Equals(unit.AreaId, area, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{unit.Kind} '{unit.Id}' names area '{unit.AreaId}' but sits under '{area}'.");
            }
        }
    }
}
