namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One family member invited to a parent class, through the family's open, accepted referral to the class's sub-centre (the
/// invitation belongs to the referral). <see cref="Attended"/> is null until attendance is recorded.
/// </summary>
public sealed class FamilyEducationClassInvitation
{
    public long Id { get; set; }
    public string ClassId { get; set; } = "";
    public string ReferralId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public long MemberId { get; set; }
    public string InvitedByUserId { get; set; } = "";
    public DateTime InvitedAtUtc { get; set; }
    public bool? Attended { get; set; }
    public string? AttendanceNote { get; set; }
}
