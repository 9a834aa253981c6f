namespace Bishan.Workflow.Cases.Model;

/// <summary>Money spent from a budget line, optionally for one case (a paid subsidy becomes one).</summary>
public sealed class Expenditure
{
    public long Id { get; set; }
    public long BudgetLineId { get; set; }
    public decimal Amount { get; set; }
    public string Purpose { get; set; } = "";
    public string? CaseId { get; set; }
    public long? SubsidyId { get; set; }
    public DateOnly SpentOn { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
