using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;

namespace Bishan.Workflow.Cases.Supervision;

/// <summary>A supervision notice as the API and pages show it, with its state from the workflow's tasks.</summary>
public sealed record SupervisionNoticeView(string Id, string Number, string UnitId, string UnitName, string? CaseId, string? FileNumber,
    string? TaskId, string Subject, string Requirement, DateOnly DeadlineOn, DateTime IssuedAtUtc, SupervisionStatus Status, string StatusLabel,
    bool Late, DateTime? EscalatedAtUtc, string? Answer, DateTime? AnsweredAtUtc, string? ReviewComment, DateTime? ReviewedAtUtc,
    string? OpenTaskId, int Returns, string? WorkflowInstanceId)
{
    public static SupervisionNoticeView Of(SupervisionNotice n, SupervisionState s, OrgTree tree, string? fileNumber, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(tree);
        return new(n.Id, n.Number, n.UnitId, tree.Find(n.UnitId)?.Name ?? n.UnitId, n.CaseId, fileNumber, n.TaskId, n.Subject, n.Requirement,
            n.DeadlineOn, n.IssuedAtUtc, s.Status, DomainLabels.For(s.Status), SupervisionState.IsLate(n, s, nowUtc), n.EscalatedAtUtc, s.Answer,
            s.AnsweredAtUtc, s.ReviewComment, s.ReviewedAtUtc, s.OpenTaskId, s.Returns, n.WorkflowInstanceId);
    }
}
