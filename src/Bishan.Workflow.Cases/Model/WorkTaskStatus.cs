namespace Bishan.Workflow.Cases.Model;

public enum WorkTaskStatus
{
    Open,
    Completed,

    /// <summary>The workflow moved on without the task (its branch ended, the instance was cancelled).</summary>
    Cancelled,
}
