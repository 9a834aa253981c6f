namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A parents-return-home guardianship consultation (父母回乡就业履行监护职责会商) for one case: proposed by the caseworker,
/// arranged and recorded by the civil-affairs department, reviewed three months after the outcome. Its steps run on the
/// <c>guardianship-consultation</c> workflow (<see cref="InstanceId"/>).
/// </summary>
public sealed class GuardianshipConsultation
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";

    /// <summary>The parent working away the consultation is about (a family member of the case).</summary>
    public long ParentMemberId { get; set; }

    public string Reason { get; set; } = "";
    public GuardianshipConsultationStatus Status { get; set; }
    public string? ProposedByUserId { get; set; }
    public DateTime ProposedAtUtc { get; set; }
    public string? InstanceId { get; set; }

    public DateOnly? PlannedOn { get; set; }
    public string? Place { get; set; }
    public string? ArrangedByUserId { get; set; }
    public DateTime? ArrangedAtUtc { get; set; }

    public DateOnly? HeldOn { get; set; }
    public bool ParentTookPart { get; set; }
    public bool EmployerTookPart { get; set; }
    public bool SchoolTookPart { get; set; }
    public bool CommunityTookPart { get; set; }
    public GuardianshipOutcome? Outcome { get; set; }

    /// <summary>The register's job the parent took (<see cref="GuardianshipOutcome.ReturnedWithJob"/>).</summary>
    public long? JobId { get; set; }

    /// <summary>The relative named as entrusted guardian (<see cref="GuardianshipOutcome.EntrustedGuardian"/>).</summary>
    public string? EntrustedGuardian { get; set; }

    /// <summary>Why a return is not possible now, or any note on the outcome.</summary>
    public string? OutcomeNote { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTime? RecordedAtUtc { get; set; }

    public bool? FollowUpParentAtHome { get; set; }
    public bool? FollowUpCaring { get; set; }
    public string? FollowUpNote { get; set; }
    public string? FollowUpByUserId { get; set; }
    public DateTime? FollowUpAtUtc { get; set; }
}
