using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Funding;

/// <summary>A subsidy as the subsidy endpoints answer it.</summary>
public sealed record SubsidyState(long Id, string CaseId, decimal Amount, string Reason, SubsidyStatus Status, long? BudgetLineId,
    string? WorkflowInstanceId, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, DateTime? PaidAtUtc)
{
    public static SubsidyState Of(Subsidy s) =>
        new(s.Id, s.CaseId, s.Amount, s.Reason, s.Status, s.BudgetLineId, s.InstanceId, s.RequestedAtUtc, s.DecidedAtUtc, s.PaidAtUtc);
}
