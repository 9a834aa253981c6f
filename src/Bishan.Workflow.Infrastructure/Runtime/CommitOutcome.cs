namespace Bishan.Workflow.Infrastructure.Runtime;

internal enum CommitOutcome
{
    Committed,

    /// <summary>The resumed bookmark row was already gone: another resume of it won. Nothing was written.</summary>
    BookmarkAlreadyBurned,

    /// <summary>The instance changed since it was read (another bookmark of it won). Nothing was written.</summary>
    InstanceChanged,
}
