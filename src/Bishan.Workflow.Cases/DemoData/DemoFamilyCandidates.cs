using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>A registered demo file with its family on record, as the demo's family work picks from.</summary>
public sealed record DemoFamily(Case Case, CaseFamily? Family, IReadOnlyList<FamilyMember> Members);

/// <summary>The registered files of the demo with their families, and the stable per-case numbers the demo derives from.</summary>
public static class DemoFamilyCandidates
{
    public static async Task<IReadOnlyList<DemoFamily>> LoadAsync(ICasesDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Registered && c.AnonymisedAtUtc == null).OrderBy(c => c.Id).ToListAsync(ct);
        var families = await db.CaseFamilies.AsNoTracking().ToDictionaryAsync(f => f.CaseId, StringComparer.Ordinal, ct);
        var members = (await db.FamilyMembers.AsNoTracking().Where(m => m.Active).OrderBy(m => m.Id).ToListAsync(ct))
            .ToLookup(m => m.CaseId, StringComparer.Ordinal);
        return cases.Select(c => new DemoFamily(c, families.GetValueOrDefault(c.Id), members[c.Id].ToList())).ToList();
    }

    /// <summary>Who works the file: its caseworker, or else a caseworker of its unit (the demo register names few caseworkers).</summary>
    public static string? Caseworker(IReadOnlyList<StaffMember> staff, Case @case)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(@case);
        return @case.CaseworkerUserId
               ?? staff.Where(s => s.Role == Roles.Caseworker && s.OrgUnitId == @case.OrgUnitId).Select(s => s.UserId).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>A stable number from the case id (FNV-1a), so a reload picks and dates the same way.</summary>
    public static int Seed(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % 1_000_000_007u);
    }

    /// <summary>A stable 32-character record id for the demo's record of <paramref name="kind"/> about the case.</summary>
    public static string Id(string kind, string caseId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"demo:{kind}:{caseId}")))[..32];
}
