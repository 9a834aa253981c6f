namespace Bishan.Workflow.Engine.Execution;

public sealed record ExecutorOptions
{
    /// <summary>A loop that never blocks faults the instance after this many executions instead of hanging.</summary>
    public int MaxExecutionsWithoutBookmark { get; init; } = 10_000;
}
