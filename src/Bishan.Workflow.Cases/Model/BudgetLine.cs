namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A budget line (e.g. social-worker salaries, family subsidies) of a unit for a year. Amounts are yuan; they are
/// stored as whole fen (integer) so that SQLite can sum and compare them exactly.
/// </summary>
public sealed class BudgetLine
{
    public long Id { get; set; }
    public int Year { get; set; }
    public string Name { get; set; } = "";
    public string OrgUnitId { get; set; } = "";
    public decimal Amount { get; set; }
    public string? Notes { get; set; }
}
