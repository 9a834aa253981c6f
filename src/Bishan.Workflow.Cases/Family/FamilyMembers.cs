using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Family;

/// <summary>Makes and updates <see cref="FamilyMember"/> rows from checked input.</summary>
public static class FamilyMembers
{
    public static FamilyMember Create(string caseId, ValidFamilyMember v, DateTime nowUtc)
    {
        var member = new FamilyMember { CaseId = caseId, CreatedAtUtc = nowUtc };
        Apply(member, v, nowUtc);
        return member;
    }

    public static void Apply(FamilyMember member, ValidFamilyMember v, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(v);
        member.Name = v.Name;
        member.Relationship = v.Relationship;
        member.IsLegalGuardian = v.IsLegalGuardian;
        member.Phone = v.Phone;
        member.Residence = v.Residence;
        member.City = v.City;
        member.Employer = v.Employer;
        member.LivesWithMinor = v.LivesWithMinor;
        member.UpdatedAtUtc = nowUtc;
    }

    public static FamilyMember Copy(FamilyMember m) => new()
    {
        Id = m.Id, CaseId = m.CaseId, Name = m.Name, Relationship = m.Relationship, IsLegalGuardian = m.IsLegalGuardian, Phone = m.Phone,
        Residence = m.Residence, City = m.City, Employer = m.Employer, LivesWithMinor = m.LivesWithMinor, Active = m.Active,
    };
}
