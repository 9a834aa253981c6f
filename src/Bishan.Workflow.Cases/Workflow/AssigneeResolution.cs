namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Who a rule names: one user (<see cref="UserId"/>), or a candidate group whose members may claim the task
/// (<see cref="CandidateGroup"/>, <c>Role@orgUnit</c>), or both (the one user, with the group able to take over).
/// </summary>
/// <param name="UserId">The assignee, or null when the task waits to be claimed.</param>
/// <param name="CandidateGroup">Who may claim it, e.g. <c>Supervisor@area-bicheng</c>.</param>
/// <param name="OrgUnitId">The unit the rule pointed at (the coordinating body, the group's unit).</param>
/// <param name="Unresolved">True when the rule should have named a user but nobody matched; the timeline says so.</param>
public sealed record AssigneeResolution(string? UserId, string? CandidateGroup, string? OrgUnitId, bool Unresolved = false)
{
    public static AssigneeResolution Nobody { get; } = new(null, null, null, Unresolved: true);
}
