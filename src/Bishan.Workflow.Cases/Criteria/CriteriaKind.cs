namespace Bishan.Workflow.Cases.Criteria;

/// <summary>Which gate a criteria catalogue serves: entry at screening (入库标准) or exit at the exit evaluation (出库条件).</summary>
public enum CriteriaKind
{
    /// <summary>入库标准: checked at screening; an eligible screening needs the chosen action's required items.</summary>
    Entry,

    /// <summary>出库条件: checked at the exit evaluation; <c>CriteriaMet</c> needs the case action's required items.</summary>
    Exit,
}
