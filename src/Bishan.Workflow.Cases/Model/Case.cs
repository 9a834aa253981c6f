using System.ComponentModel.DataAnnotations;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One minor's file (一人一档): one person, one file, for life. Re-entry after a relapse reopens this row rather
/// than creating another, so the timeline, plans, help records and earlier register periods
/// (<see cref="CaseRegistration"/>) stay together.
/// </summary>
public sealed class Case : IConcurrencyVersioned
{
    /// <summary>A GUID in "N" form; also the correlation id of the case's workflow instances.</summary>
    public string Id { get; set; } = "";

    /// <summary>The file number users quote, <c>BS-2026-0001</c> (year of referral, sequence within the year).</summary>
    public string FileNumber { get; set; } = "";

    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly DateOfBirth { get; set; }

    /// <summary>
    /// The resident ID number, stored whole because the duplicate check and authorised readers need it; every
    /// list, export and unauthorised read shows <c>IdNumber.Mask</c>. Optional: not every referral has it.
    /// </summary>
    public string? IdNumber { get; set; }

    /// <summary>The minor's school or community, which decides scoping and the light-tier coordinating body.</summary>
    public string OrgUnitId { get; set; } = "";

    /// <summary>The area (片区) of <see cref="OrgUnitId"/>, denormalised so that area scoping and statistics are one indexed column.</summary>
    public string AreaId { get; set; } = "";

    public CaseStatus Status { get; set; }

    /// <summary>The action the minor is counted under; null until screening proposes one.</summary>
    public FiveAction? PrimaryAction { get; set; }

    /// <summary>Other problems (overlapping actions); never contains <see cref="PrimaryAction"/>.</summary>
    public List<FiveAction> Tags { get; set; } = [];

    /// <summary>Severity; null until registration.</summary>
    public Tier? Tier { get; set; }

    /// <summary>The coordinating body (统筹主体) for the current tier; approvals go to its supervisors.</summary>
    public string? CoordinatingBodyId { get; set; }

    /// <summary>The unit that carries out the help (differs from the coordinator only for 涉案帮教 at 较重).</summary>
    public string? CarriedOutById { get; set; }

    /// <summary>The responsible caseworker (帮扶责任人); <c>case.caseworker</c> tasks go to this user.</summary>
    public string? CaseworkerUserId { get; set; }

    [MaxLength(2000)]
    public string? ReferralReason { get; set; }

    /// <summary>The action the referrer suggested; screening decides <see cref="PrimaryAction"/>.</summary>
    public FiveAction? SuggestedAction { get; set; }

    /// <summary>Who reported (school, community, police, hotline …), free text.</summary>
    [MaxLength(200)]
    public string? Source { get; set; }

    /// <summary>Why a duplicate warning was overridden at referral, kept for the audit.</summary>
    [MaxLength(1000)]
    public string? DuplicateOverrideReason { get; set; }

    /// <summary>When the support plan (<see cref="PlanGoal"/>, <see cref="PlanRevision"/>) last changed.</summary>
    public DateTime? PlanUpdatedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The start of the current (or last) register period; earlier periods are in <see cref="CaseRegistration"/>.</summary>
    public DateTime? RegisteredAtUtc { get; set; }

    public DateTime? ExitedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    [MaxLength(2000)]
    public string? CloseReason { get; set; }

    /// <summary>How many times the minor entered the register (1 after the first 入库, 2 after a 重新入库 …).</summary>
    public int RegistrationCount { get; set; }

    /// <summary>
    /// When the retention job anonymised the file (name reduced, ID number removed, birth date kept to the year), or null
    /// while it still holds the minor's personal data. A re-entry after that finds a file without a name to match.
    /// </summary>
    public DateTime? AnonymisedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    [ConcurrencyCheck]
    public long ConcurrencyToken { get; set; }
}
