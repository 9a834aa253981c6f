namespace Bishan.Workflow.Engine.Execution;

public enum WorkflowStatus
{
    Running,
    Finished,
}

public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

public enum ActivityStatus
{
    Running,
    Completed,
    Cancelled,
    Faulted,
}

public static class WorkflowStatusExtensions
{
    public static WorkflowStatus ToStatus(this WorkflowSubStatus sub) => sub switch
    {
        WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted => WorkflowStatus.Finished,
        _ => WorkflowStatus.Running,
    };
}
