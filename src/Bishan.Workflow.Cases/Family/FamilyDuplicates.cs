using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Family;

/// <summary>
/// The duplicate check on a file's family (409 with the reason): the same person twice (same name and relationship, or the
/// same phone), or a second father or mother.
/// </summary>
public static class FamilyDuplicates
{
    /// <exception cref="ConflictException">The member would duplicate one already on the file.</exception>
    public static async Task EnsureNoneAsync(ICasesDbContext db, string caseId, ValidFamilyMember member, long? exceptId, CancellationToken ct)
    {
        var others = await db.FamilyMembers.AsNoTracking().Where(m => m.CaseId == caseId && m.Active).ToListAsync(ct);
        EnsureNone(others.Where(m => m.Id != exceptId), member);
    }

    /// <exception cref="ConflictException">The member would duplicate one of <paramref name="others"/>.</exception>
    public static void EnsureNone(IEnumerable<FamilyMember> others, ValidFamilyMember member)
    {
        foreach (var other in others)
        {
            if (member.Phone is not null && string.Equals(other.Phone, member.Phone, StringComparison.Ordinal))
                throw Conflict("Family_DuplicatePhone", other.Name, FamilyPhones.Mask(member.Phone));
            if (string.Equals(other.Name, member.Name, StringComparison.Ordinal) && other.Relationship == member.Relationship)
                throw Conflict("Family_DuplicateMember", other.Name, DomainLabels.For(other.Relationship));
            if (member.Relationship is FamilyRelationship.Father or FamilyRelationship.Mother && other.Relationship == member.Relationship)
                throw Conflict("Family_SecondParent", DomainLabels.For(member.Relationship), other.Name);
        }
    }

    private static ConflictException Conflict(string key, params object?[] args) =>
        new(UseCaseStrings.Format(key, args), new Dictionary<string, object?> { ["reason"] = "duplicate" });
}
