namespace Bishan.Workflow.Cases.Model;

/// <summary>A subsidy to a helped minor's family; needs an approval before it is paid.</summary>
public sealed class Subsidy
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";
    public decimal Amount { get; set; }
    public string Reason { get; set; } = "";
    public SubsidyStatus Status { get; set; }
    public string? RequestedByUserId { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public DateTime? PaidAtUtc { get; set; }
    public long? BudgetLineId { get; set; }

    /// <summary>The approval workflow instance, if the subsidy went through one.</summary>
    public string? InstanceId { get; set; }
}
