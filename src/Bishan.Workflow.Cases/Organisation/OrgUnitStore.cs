using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Organisation;

/// <summary>
/// The organisation in the database: the seed's units are added when missing (so a unit added to the seed later, or by
/// another feature, appears on the next start), and the application's <see cref="OrgTree"/> is filled from the rows.
/// Administrators' edits save the row, then refresh the tree from the rows.
/// </summary>
public static class OrgUnitStore
{
    /// <summary>Adds every seed unit that has no row yet; existing rows (renamed, moved, retired) are left as they are.</summary>
    public static async Task<int> AddMissingSeedUnitsAsync(ICasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = (await db.OrgUnits.Select(u => u.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var next = known.Count == 0 ? 0 : await db.OrgUnits.MaxAsync(u => u.Position, ct) + 1;
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var unit in OrgUnitSeed.All.Where(u => !known.Contains(u.Id)))
        {
            db.OrgUnits.Add(ToRecord(unit, next++, now));
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Every stored unit, parents before children (seed order, then creation order).</summary>
    public static async Task<IReadOnlyList<OrgUnit>> LoadAsync(ICasesDbContext db, CancellationToken ct)
    {
        var rows = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Position).ToListAsync(ct);
        return [.. rows.Select(ToUnit)];
    }

    /// <summary>
    /// Brings the tree up to date with the database and records the version it was read at (the version first, then the
    /// units, so the units are never older than the version the tree claims).
    /// </summary>
    public static async Task RefreshAsync(ICasesDbContext db, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var version = await StoredVersionAsync(db, ct);
        tree.Replace(await LoadAsync(db, ct), version);
    }

    /// <summary>
    /// Reloads the tree when the stored version differs from the one it was loaded at (another node, or this one, edited
    /// the organisation since): one primary-key read when nothing changed. Answers whether it reloaded.
    /// </summary>
    public static async Task<bool> EnsureCurrentAsync(ICasesDbContext db, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var version = await StoredVersionAsync(db, ct);
        if (version is not null && version == tree.Version) return false;
        tree.Replace(await LoadAsync(db, ct), version);
        return true;
    }

    /// <summary>
    /// Starts an edit of the organisation inside the use case's transaction: bumps the stored version (on PostgreSQL this
    /// locks the row until the edit commits, so edits on any node run one after another) and reloads the tree, so the edit
    /// is checked against the latest organisation. The tree is marked not current until the edit is committed and read back.
    /// </summary>
    public static async Task BeginEditAsync(ICasesDbContext db, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        var bumped = await db.OrgTreeStamps.Where(s => s.Id == OrgTreeStamp.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (bumped == 0)
        {
            db.OrgTreeStamps.Add(new OrgTreeStamp { Version = 1 });
            await db.SaveChangesAsync(ct);
        }
        tree.Replace(await LoadAsync(db, ct), version: null);
    }

    private static async Task<long?> StoredVersionAsync(ICasesDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.OrgTreeStamps.AsNoTracking().Where(s => s.Id == OrgTreeStamp.SingleId)
            .Select(s => (long?)s.Version).FirstOrDefaultAsync(ct);
    }

    public static OrgUnit ToUnit(OrgUnitRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new OrgUnit(row.Id, row.Name, row.Kind, row.ParentId)
        {
            EnglishName = row.EnglishName,
            AreaId = row.AreaId,
            Actions = [.. row.Actions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(a => Enum.TryParse<FiveAction>(a, out var action) ? (FiveAction?)action : null)
                .Where(a => a is not null).Select(a => a!.Value)],
            Retired = row.RetiredAtUtc is not null,
        };
    }

    public static OrgUnitRecord ToRecord(OrgUnit unit, int position, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new OrgUnitRecord
        {
            Id = unit.Id,
            Name = unit.Name,
            EnglishName = unit.EnglishName,
            Kind = unit.Kind,
            ParentId = unit.ParentId,
            AreaId = unit.AreaId,
            Actions = string.Join(',', unit.Actions),
            Position = position,
            CreatedAtUtc = createdAtUtc,
        };
    }
}
