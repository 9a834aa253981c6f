using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.OrgUnits;

/// <summary>
/// What an administrator may do to the organisation: which kind of unit sits under which, which units the rules name
/// (and so cannot be retired or moved), and the shared steps of every edit (find the row, save, refresh the tree).
/// </summary>
public static class OrgUnitRules
{
    public const int MaxNameLength = 100;

    /// <summary>The kinds a unit of each kind may be placed under.</summary>
    public static IReadOnlyDictionary<OrgUnitKind, OrgUnitKind[]> ParentKinds { get; } = new Dictionary<OrgUnitKind, OrgUnitKind[]>
    {
        [OrgUnitKind.TaskForce] = [OrgUnitKind.District],
        [OrgUnitKind.Department] = [OrgUnitKind.District],
        [OrgUnitKind.Area] = [OrgUnitKind.District],
        [OrgUnitKind.TownStreet] = [OrgUnitKind.District],
        [OrgUnitKind.SupervisionOffice] = [OrgUnitKind.District],
        [OrgUnitKind.LeadingGroupOffice] = [OrgUnitKind.District],
        [OrgUnitKind.FamilyEducationCentre] = [OrgUnitKind.District],
        [OrgUnitKind.FamilyEducationSubCentre] = [OrgUnitKind.FamilyEducationCentre],
        [OrgUnitKind.School] = [OrgUnitKind.Area, OrgUnitKind.TownStreet],
        [OrgUnitKind.Community] = [OrgUnitKind.Area, OrgUnitKind.TownStreet],
    };

    /// <summary>Units the coordination, escalation and supervision rules refer to by id: never retired or moved.</summary>
    public static IReadOnlySet<string> Protected { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OrgUnitIds.District, OrgUnitIds.TaskForce, OrgUnitIds.EducationCommission, OrgUnitIds.PoliticalLegalCommittee,
        OrgUnitIds.YouthLeague, OrgUnitIds.CivilAffairsBureau, OrgUnitIds.HealthCommission, OrgUnitIds.PublicSecurityBureau,
        OrgUnitIds.SupervisionOffice, OrgUnitIds.LeadingGroupOffice, OrgUnitIds.BichengArea, OrgUnitIds.QinggangArea,
        OrgUnitIds.DingjiaArea, OrgUnitIds.DaluArea, OrgUnitIds.FamilyEducationCentre, OrgUnitIds.FamilyEducationSubCentres[0],
        OrgUnitIds.FamilyEducationSubCentres[1], OrgUnitIds.FamilyEducationSubCentres[2], OrgUnitIds.FamilyEducationSubCentres[3],
    };

    /// <summary>
    /// Checks <paramref name="parentId"/> as the parent of a unit of <paramref name="kind"/>; records a field error at
    /// <c>parentId</c> when it is unknown, retired or of the wrong kind.
    /// </summary>
    public static OrgUnit? CheckParent(InputErrors errors, OrgTree tree, OrgUnitKind kind, string? parentId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(tree);
        var id = errors.Text("parentId", parentId, 64, required: true);
        if (id is null) return null;
        if (tree.Find(id) is not { } parent)
        {
            errors.Add("parentId", UseCaseStrings.Format("OrgUnitNotInTree", id));
            return null;
        }
        if (parent.Retired)
        {
            errors.Add("parentId", UseCaseStrings.Format("OrgUnitRetiredNoNewWork", parent.Name));
            return null;
        }
        if (!ParentKinds.TryGetValue(kind, out var allowed) || !allowed.Contains(parent.Kind))
        {
            errors.Add("parentId", UseCaseStrings.Format("OrgUnitParentKindInvalid", DomainLabels.For(kind), parent.Name));
            return null;
        }
        return parent;
    }

    /// <summary>The area a unit placed under <paramref name="parent"/> lies in (schools and communities), else null.</summary>
    public static string? AreaUnder(OrgUnitKind kind, OrgUnit parent) =>
        kind is OrgUnitKind.School or OrgUnitKind.Community
            ? parent.Kind == OrgUnitKind.Area ? parent.Id : parent.AreaId
            : null;

    /// <exception cref="NotFoundException">No unit has this id.</exception>
    public static async Task<OrgUnitRecord> FindAsync(ICasesDbContext db, string id, CancellationToken ct) =>
        await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new NotFoundException(UseCaseStrings.Format("OrgUnitNotInTree", id));

    /// <summary>
    /// Validates the tree as it would be after the edit and refuses (409) an edit that breaks it, so a cycle or a school
    /// outside any area never reaches the database.
    /// </summary>
    /// <exception cref="ConflictException">The edited tree is not valid.</exception>
    public static void EnsureValid(OrgTree tree, OrgUnit edited)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(edited);
        var units = tree.Units.Where(u => !string.Equals(u.Id, edited.Id, StringComparison.Ordinal)).Append(edited);
        if (!OrgTree.IsValid(units, out _))
            throw new ConflictException(UseCaseStrings.Format("OrgUnitTreeInvalid", edited.Name));
    }

    /// <summary>
    /// Saves the edit and its audit row, then gives this node's tree the units as edited (marked not current, so the
    /// next use case reads them back once committed; other nodes see the bumped version and reload).
    /// </summary>
    public static async Task SaveAndRefreshAsync(ICasesDbContext db, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        await db.SaveChangesAsync(ct);
        tree.Replace(await OrgUnitStore.LoadAsync(db, ct), version: null);
    }
}
