using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.ExitCriteria;
using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Tasks;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The workflow ⇄ domain bridge: applies one workflow pass to the case domain, inside the transaction that commits
/// the pass, so a workflow step and its domain rows never come apart.
/// </summary>
/// <remarks>
/// Order: first the tasks whose bookmarks went away end (so the timeline reads "screening done" before "approved"),
/// then the effects in the order the activities emitted them, then tasks for new bookmarks (so a task created after
/// a registration is routed to the new coordinating body). A gate that refuses an effect throws
/// <see cref="CaseGateException"/>; the host then writes nothing of the pass and faults the instance.
/// </remarks>
public sealed class CaseWorkflowBridge
{
    private readonly TimeProvider _time;
    private readonly TaskBookmarkSync _tasks;
    private readonly CaseEffects _cases;
    private readonly OverdueEscalation _overdue;
    private readonly MeetingEffects _meetings;

    public CaseWorkflowBridge(TimeProvider time, CoordinatingBodyResolver coordination, ExitCriteriaCatalog exitCriteria,
        OutcomeOptions? outcomes = null)
    {
        _time = time;
        var assignees = new AssigneeResolver(coordination);
        _tasks = new TaskBookmarkSync(assignees, exitCriteria, new CriteriaCatalogs(exitCriteria));
        _cases = new CaseEffects(assignees, _tasks);
        _overdue = new OverdueEscalation(assignees);
        _meetings = new MeetingEffects(_tasks, outcomes ?? new OutcomeOptions());
    }

    public async Task ApplyAsync(ICasesDbContext db, CasePass pass, CancellationToken ct)
    {
        var hasTasks = pass.RemovedBookmarkIds.Count > 0 || pass.AddedBookmarks.Any(b => b.Name == UserTaskActivity.TaskBookmark);
        if (!hasTasks && pass.Effects.Count == 0) return;

        var scope = new PassScope(db, pass, _time.GetUtcNow().UtcDateTime, ct);
        await TaskBookmarkSync.EndRemovedAsync(scope);
        foreach (var effect in pass.Effects)
        {
            var apply = effect switch
            {
                ApprovalDecided e => CaseEffects.ApplyAsync(scope, e),
                CaseStatusChanged e => CaseEffects.ApplyAsync(scope, e),
                CaseRegistered e => _cases.ApplyAsync(scope, e),
                CaseTierChanged e => _cases.ApplyAsync(scope, e),
                CaseExited e => CaseEffects.ApplyAsync(scope, e),
                CaseReentered e => CaseEffects.ApplyAsync(scope, e),
                CaseClosed e => CaseEffects.ApplyAsync(scope, e),
                TimelineEntryAdded e => CaseEffects.ApplyAsync(scope, e),
                NotificationRequested e => _cases.ApplyAsync(scope, e),
                TaskOverdue e => _overdue.ApplyAsync(scope, e),
                MeetingScheduled e => MeetingEffects.ApplyAsync(scope, e),
                DecisionTasksRequested e => _meetings.ApplyAsync(scope, e),
                SpecialReportRequested e => _meetings.ApplyAsync(scope, e),
                SubsidyDecided e => FundingEffects.ApplyAsync(scope, e),
                SubsidyAmended e => FundingEffects.ApplyAsync(scope, e),
                SpecialReportSigned e => ReportEffects.ApplyAsync(scope, e),
                SpecialReportReturned e => ReportEffects.ApplyAsync(scope, e),
                SupervisionEscalated e => SupervisionEffects.ApplyAsync(scope, e),
                FamilyEducationStepped e => FamilyEducationEffects.ApplyAsync(scope, e),

                // After the commit (CaseWorkflowFollowUps); other effects belong to other handlers.
                _ => Task.CompletedTask,
            };
            await apply;
        }
        await _tasks.CreateAddedAsync(scope);
    }
}
