using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Family;

/// <summary>
/// A case's family as the 家庭 tab and the API show it: the guardianship situation, the household's support, the members
/// (phones always masked: revealing one is its own audited act) and the history of changes, newest first.
/// </summary>
public sealed record FamilyView(
    string CaseId,
    GuardianshipSituation? Situation,
    HouseholdSupport? Support,
    bool ParentWorkingAway,
    IReadOnlyList<FamilyMemberView> Members,
    IReadOnlyList<FamilyChangeView> History,
    bool MayEdit,
    bool MayRevealPhones)
{
    public static async Task<FamilyView> LoadAsync(ICasesDbContext db, string caseId, bool mayEdit, bool mayReveal, CancellationToken ct)
    {
        var family = await db.CaseFamilies.AsNoTracking().FirstOrDefaultAsync(f => f.CaseId == caseId, ct);
        var members = (await db.FamilyMembers.AsNoTracking().Where(m => m.CaseId == caseId && m.Active).ToListAsync(ct))
            .OrderBy(m => m.Relationship).ThenBy(m => m.Id).ToList();
        var changes = (await db.FamilyChanges.AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(ct))
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).ToList();
        var staff = changes.Count == 0 ? null : await StaffDirectory.LoadAsync(db, ct);
        return new FamilyView(caseId, family?.Situation, family?.Support, FamilyRules.ParentWorkingAway(family?.Situation, members),
            members.Select(FamilyMemberView.From).ToList(),
            changes.Select(c => new FamilyChangeView(c.AtUtc, c.AuthorUserId is { } a ? staff!.NameOf(a) : null, c.Changes)).ToList(),
            mayEdit, mayReveal);
    }
}

/// <summary>One member; <see cref="Phone"/> is the masked number (null when none was given).</summary>
public sealed record FamilyMemberView(long Id, string Name, FamilyRelationship Relationship, bool IsLegalGuardian, string? Phone,
    FamilyResidence Residence, string? City, string? Employer, bool LivesWithMinor)
{
    public static FamilyMemberView From(FamilyMember m) =>
        new(m.Id, m.Name, m.Relationship, m.IsLegalGuardian, m.Phone is null ? null : FamilyPhones.Mask(m.Phone), m.Residence, m.City,
            m.Employer, m.LivesWithMinor);
}

public sealed record FamilyChangeView(DateTime AtUtc, string? AuthorName, string Changes);
