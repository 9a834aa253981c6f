using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Web.Components.Cases;

/// <summary>The fields of one guardian or household member as a form holds them, on the 家庭 tab and in the referral form.</summary>
public sealed class FamilyMemberForm
{
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public bool IsLegalGuardian { get; set; }
    public string? Phone { get; set; }
    public string? Residence { get; set; } = nameof(FamilyResidence.InBishan);
    public string? City { get; set; }
    public string? Employer { get; set; }
    public bool LivesWithMinor { get; set; }

    public FamilyMemberInput ToInput() => new(Name, Relationship, IsLegalGuardian, Phone, Residence, City, Employer, LivesWithMinor);
}
