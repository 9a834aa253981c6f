using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>One guidance session of a referral (指导记录) with who of the family came.</summary>
public sealed class FamilyEducationSession
{
    public long Id { get; set; }
    public string ReferralId { get; set; } = "";
    public GuidanceKind Kind { get; set; }
    public DateOnly SessionDate { get; set; }
    public string Content { get; set; } = "";

    /// <summary>Family members who came, comma-separated <see cref="FamilyMember.Id"/>s (none: nobody came).</summary>
    public string AttendeeMemberIds { get; set; } = "";

    /// <summary>The parent class this session records (one session per class and referral), or null for other guidance.</summary>
    public string? ClassId { get; set; }

    public int InvitedCount { get; set; }
    public int AttendedCount { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}
