namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// One goal of a minor's support plan (帮扶方案, 一人一策): what is to be achieved, the measures, the helper of the case's team
/// who answers for it and the date it is reviewed. A goal removed by a revision stays (inactive) for the history and the exit
/// evaluation; its result is recorded at the review (the caseworker's review task) or at exit.
/// </summary>
public sealed class PlanGoal
{
    public long Id { get; set; }
    public string CaseId { get; set; } = "";

    /// <summary>1-based order in the current plan.</summary>
    public int Position { get; set; }

    public string Title { get; set; } = "";
    public string Measures { get; set; } = "";

    /// <summary>The responsible helper, one of the case's team when the goal was set; null only for goals migrated from the free-text plan.</summary>
    public long? HelperId { get; set; }

    /// <summary>The district date of the next review; null only for migrated goals.</summary>
    public DateOnly? ReviewOn { get; set; }

    /// <summary>The review task made on <see cref="ReviewOn"/> (<see cref="WorkTaskKinds.PlanReview"/>); null until the date comes.</summary>
    public string? ReviewTaskId { get; set; }

    /// <summary>When the review of <see cref="ReviewOn"/> was done; a revision with a new date clears it.</summary>
    public DateTime? ReviewedAtUtc { get; set; }

    public GoalResult? Result { get; set; }
    public string? ResultNote { get; set; }
    public DateTime? ResultAtUtc { get; set; }

    public bool Active { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}
