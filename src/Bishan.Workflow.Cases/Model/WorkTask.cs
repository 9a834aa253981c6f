using System.ComponentModel.DataAnnotations;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A human task in someone's inbox. Workflow tasks are created from <c>Bishan.UserTask</c> bookmarks
/// (<see cref="Id"/> = <see cref="BookmarkId"/> = the bookmark id) and completed by resuming the bookmark. Meeting
/// decision tasks (<see cref="WorkTaskKinds.Decision"/>) have no bookmark (<see cref="BookmarkId"/> null): they
/// are completed through the same API by updating the row only.
/// </summary>
public sealed class WorkTask : IConcurrencyVersioned
{
    public string Id { get; set; } = "";

    /// <summary>The <c>Bishan.UserTask</c> bookmark to resume on completion; null for tasks outside a workflow.</summary>
    public string? BookmarkId { get; set; }

    /// <summary>The workflow instance that created the task (for decision tasks: the meeting's instance).</summary>
    public string? InstanceId { get; set; }

    /// <summary>The activity node that owns the bookmark, for the designer's "open tasks here" view.</summary>
    public string? NodeId { get; set; }

    /// <summary>Null for tasks about no single case (meeting minutes, the monthly topic).</summary>
    public string? CaseId { get; set; }

    /// <summary><c>Task</c>, <c>Approval:&lt;subject&gt;</c> or <c>Decision</c>; see <see cref="WorkTaskKinds"/>.</summary>
    public string Kind { get; set; } = WorkTaskKinds.Task;

    [MaxLength(500)]
    public string Title { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>The form fields (<c>FormField.ToJson</c> array) with <c>optionsSource</c> lists already filled.</summary>
    public string FormJson { get; set; } = "[]";

    /// <summary>The buttons, a JSON array of strings.</summary>
    public string OutcomesJson { get; set; } = "[\"Done\"]";

    /// <summary>The rule as written in the workflow (<c>case.coordinator</c>, <c>role:Secretary@task-force</c> …).</summary>
    public string AssigneeRule { get; set; } = "";

    /// <summary>The user the rule resolved to; null when the task waits in <see cref="CandidateGroup"/> to be claimed.</summary>
    public string? AssigneeUserId { get; set; }

    /// <summary><c>Role@orgUnit</c>, e.g. <c>Supervisor@area-bicheng</c>: who may claim the task.</summary>
    public string? CandidateGroup { get; set; }

    public string? ClaimedByUserId { get; set; }

    public WorkTaskStatus Status { get; set; }

    public DateTime? DueAtUtc { get; set; }
    public DateTime? FollowUpAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public string? CompletedByUserId { get; set; }

    /// <summary>The chosen outcome (Approved, Eligible, Done …).</summary>
    public string? Outcome { get; set; }

    /// <summary>The submitted form data, a JSON object.</summary>
    public string? DataJson { get; set; }

    [MaxLength(4000)]
    public string? Comment { get; set; }

    /// <summary>For approvals of a tier change or registration: the tier the approver is responsible for.</summary>
    public Tier? TargetTier { get; set; }

    /// <summary>The unit whose staff may see the task (the case's unit, or the meeting's task force), for scoping.</summary>
    public string? OrgUnitId { get; set; }

    /// <summary>0 until overdue; 1 once the assignee was reminded and the supervisor one tier up notified, 2 …</summary>
    public int EscalationLevel { get; set; }

    /// <summary>The meeting a decision task came from.</summary>
    public string? MeetingId { get; set; }

    [ConcurrencyCheck]
    public long ConcurrencyToken { get; set; }
}
