using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A parent class (家长课堂) run by a family-education sub-centre: a topic, a district date and start time, a place, an optional
/// capacity. The parents of referred families are invited (<see cref="FamilyEducationClassInvitation"/>); after the class the
/// sub-centre records who came, which also files a 家长课堂 session on each referral involved.
/// </summary>
public sealed class FamilyEducationClass
{
    public string Id { get; set; } = "";

    /// <summary>The sub-centre that runs the class (its guidance workers and the centre's act on it).</summary>
    public string SubCentreId { get; set; } = "";

    public string Topic { get; set; } = "";

    /// <summary>The district day (Asia/Shanghai) of the class.</summary>
    public DateOnly ClassDate { get; set; }

    /// <summary>The district start time.</summary>
    public TimeOnly StartTime { get; set; }

    /// <summary>The start as a UTC instant, kept with the date and time so "has it started" is one comparison.</summary>
    public DateTime StartsAtUtc { get; set; }

    public string Place { get; set; } = "";

    /// <summary>How many family members may be invited; null: no limit.</summary>
    public int? Capacity { get; set; }

    public FamilyEducationClassStatus Status { get; set; }
    public string? CancelReason { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? HeldRecordedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
}
