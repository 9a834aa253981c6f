using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Tasks;

/// <summary>What the task commands answer: who holds the task now and whether it is still open.</summary>
public sealed record TaskState(string Id, WorkTaskStatus Status, string? AssigneeUserId, string? CandidateGroup, string? ClaimedByUserId, string? Outcome)
{
    public static TaskState Of(WorkTask t) => new(t.Id, t.Status, t.AssigneeUserId, t.CandidateGroup, t.ClaimedByUserId, t.Outcome);
}
