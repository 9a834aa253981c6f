using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.StartWeeklyConsultation;

/// <summary>
/// Starts the weekly consultation (周会商) now, as its weekly timer would: the published <c>weekly-consultation</c> from its
/// cron trigger, so the agenda is built from live state and the meeting follows the workflow's lead time. By
/// <see cref="Permissions.MayRunMeetings"/> (the secretary, the task force, administrators); 409 while another weekly
/// consultation is still running, or when the workflow is not published.
/// </summary>
public sealed record StartWeeklyConsultation : ICommand<WeeklyStarted>;

public sealed record WeeklyStarted(string WorkflowInstanceId, string? MeetingId);

public sealed class StartWeeklyConsultationHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time, IWorkflowDefinitionService definitions,
    IWorkflowRuntime runtime, IWorkflowInstanceQueries instances, CaseWorkflows workflows) : ICommandHandler<StartWeeklyConsultation, WeeklyStarted>
{
    public const string Definition = "weekly-consultation";

    public async ValueTask<WeeklyStarted> Handle(StartWeeklyConsultation command, CancellationToken cancellationToken)
    {
        Permissions.EnsureMayRunMeetings(user);
        var published = await definitions.GetPublishedAsync(Definition, cancellationToken)
                        ?? throw new ConflictException(UseCaseStrings.Format("Workflow_NotPublished", Definition));
        if ((await instances.ListAsync(new InstanceQuery(Definition, WorkflowStatus.Running, Take: 1), cancellationToken)).Count > 0)
            throw new ConflictException(UseCaseStrings.Format("Meeting_WeeklyRunning"));

        var trigger = WorkflowJsonReader.Parse(published.Json).Definition?.AllActivities()
            .FirstOrDefault(a => string.Equals(a.Type, "Elsa.Cron", StringComparison.Ordinal));
        var instance = trigger is null
            ? await runtime.StartAsync(Definition, null, null, cancellationToken)
            : await runtime.StartFromTriggerAsync(Definition, published.Info.Version, trigger.NodeId, cancellationToken)
              ?? throw new ConflictException(UseCaseStrings.Format("Workflow_NotPublished", Definition));
        await workflows.EnsureNotRefusedAsync(instance, cancellationToken);

        var meetingId = await db.Meetings.Where(m => m.InstanceId == instance.Id).Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.WeeklyStart, nameof(Meeting), meetingId, instance.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new WeeklyStarted(instance.Id, meetingId);
    }
}
