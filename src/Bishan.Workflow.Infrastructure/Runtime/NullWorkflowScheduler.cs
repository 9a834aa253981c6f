using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>The default when the host registers no scheduler (tests): timers and cron triggers are simply not delivered.</summary>
public sealed class NullWorkflowScheduler : IWorkflowScheduler
{
    public void ScheduleBookmark(string bookmarkId, DateTime resumeAtUtc)
    {
    }

    public void UnscheduleBookmark(string bookmarkId)
    {
    }

    public void ScheduleTriggers(string definitionId, IReadOnlyList<ScheduledTrigger> triggers)
    {
    }
}
