using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// An open task passed its due date (<see cref="TaskOverdue"/>, fired by the task's timer through Hangfire): remind
/// the assignee, then escalate to the supervisors one tier up (<c>CoordinatingBodyResolver.EscalateOverdue</c>):
/// they are notified and join the task's candidate group so that they can take it over or reassign it. A severe
/// case has no tier above the task force: the item is flagged for the special report instead. All on the timeline.
/// </summary>
internal sealed class OverdueEscalation(AssigneeResolver assignees)
{
    public async Task ApplyAsync(PassScope scope, TaskOverdue e)
    {
        var open = await scope.Db.WorkTasks
            .Where(t => t.InstanceId == e.InstanceId && t.NodeId == e.NodeId && t.Status == WorkTaskStatus.Open)
            .ToListAsync(scope.Ct);
        var staff = await scope.StaffAsync();
        foreach (var task in open)
        {
            task.EscalationLevel++;
            var due = task.DueAtUtc is { } d ? CaseTexts.LocalTime(d) : CaseTexts.Format("Case_NoDue");
            IReadOnlyList<string> holders = (task.ClaimedByUserId ?? task.AssigneeUserId) is { } holder ? [holder]
                : task.CandidateGroup is { } group ? AssigneeResolver.MembersOf(group, staff) : [];
            scope.Notify(holders, CaseTexts.Format("Notification_TaskOverdue_Title", task.Title),
                CaseTexts.Format("Notification_TaskOverdue_Message", task.Title, due), task.CaseId, task.Id);

            var @case = await scope.FindCaseAsync(task.CaseId ?? e.CaseId);
            if (@case is null) continue;

            var target = assignees.EscalationOf(@case, scope.ProposedAction);
            var supervisors = staff.InRole(Vocabulary.Roles.Supervisor, target.Supervisor.OrgUnitId).Select(m => m.UserId).ToList();
            scope.Notify(supervisors, CaseTexts.Format("Notification_TaskEscalated_Title", task.Title),
                CaseTexts.Format("Notification_TaskEscalated_Message", task.Title, $"{@case.FileNumber} {@case.Name}", due), @case.Id, task.Id);
            if (!target.ReportToLeadingGroup)
                task.CandidateGroup = $"{Vocabulary.Roles.Supervisor}@{target.Supervisor.OrgUnitId}";
            var orgName = Organisation.OrgUnitSeed.Tree.Find(target.Supervisor.OrgUnitId)?.Name ?? target.Supervisor.OrgUnitId;
            scope.Timeline(@case.Id, TimelineKind.TaskOverdue, target.ReportToLeadingGroup
                ? CaseTexts.Format("Timeline_TaskOverdueReport", task.Title)
                : CaseTexts.Format("Timeline_TaskOverdue", task.Title, orgName), taskId: task.Id);
        }
    }
}
