using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One register period of a case (入库 … 出库). A re-entry opens a new period, so "registered ever" and "exited"
/// statistics count periods honestly and the file keeps its whole history.
/// </summary>
public sealed class CaseRegistration
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";

    /// <summary>1 for the first registration, 2 after the first re-entry, …</summary>
    public int Number { get; set; }

    public FiveAction PrimaryAction { get; set; }

    /// <summary>The tier at registration; later tier changes are on the case and the timeline.</summary>
    public Tier Tier { get; set; }

    public DateTime RegisteredAtUtc { get; set; }
    public DateTime? ExitedAtUtc { get; set; }

    /// <summary>The workflow instance that registered the case, null for loaded demo data.</summary>
    public string? InstanceId { get; set; }
}
