using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A guardian or household member of a minor (监护人/家庭成员). The phone is stored whole, like the ID number, because the
/// caseworker calls it; every list shows it masked and revealing it is an audited act. A member taken off the file stays
/// as an inactive row for the history.
/// </summary>
public sealed class FamilyMember
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public string Name { get; set; } = "";
    public FamilyRelationship Relationship { get; set; }

    /// <summary>Whether the person is the minor's legal guardian (法定监护人).</summary>
    public bool IsLegalGuardian { get; set; }

    /// <summary>A mainland number, digits only (mobile 11 digits, or a landline with its area code).</summary>
    public string? Phone { get; set; }

    public FamilyResidence Residence { get; set; }

    /// <summary>The city when <see cref="Residence"/> is outside Chongqing (广东深圳), else null.</summary>
    public string? City { get; set; }

    /// <summary>The employer (工作单位), free text; the employer register links it in the consultation.</summary>
    public string? Employer { get; set; }

    public bool LivesWithMinor { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
