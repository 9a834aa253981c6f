namespace Bishan.Workflow.Cases.Model;

/// <summary>How far a support-plan goal was reached, recorded at its review or at exit.</summary>
public enum GoalResult
{
    /// <summary>达成.</summary>
    Achieved,

    /// <summary>部分达成.</summary>
    Partly,

    /// <summary>未达成.</summary>
    NotAchieved,
}
