using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Engine.Execution;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// Later stages through the bridge: overdue escalation, the weekly consultation (agenda, decision tasks, special
/// report), and exit with the after-commit steps (case-exited ends the help loop, follow-up reviews start).
/// </summary>
public sealed class CaseLifecycleFacts
{
    [Fact]
    public async Task OverdueTask_RemindsTheAssignee_AndEscalatesOneTierUp()
    {
        await using var host = await CasesHost.StartAsync("case-intake");
        var @case = await host.CreateCaseAsync();
        var instance = await host.StartIntakeAsync(@case);
        var screening = Assert.Single(await host.OpenTasksAsync(@case.Id));

        await host.FireTimerAsync(instance.Id, "Bishan.UserTask.Overdue");

        var task = await host.QueryAsync(db => db.WorkTasks.SingleAsync(t => t.Id == screening.Id));
        Assert.Equal((WorkTaskStatus.Open, 1, host.Users["caseworker"]), (task.Status, task.EscalationLevel, task.AssigneeUserId));

        // Not yet registered, so the case counts as light: one tier up is the suggested action's lead department.
        Assert.Equal($"Supervisor@{OrgUnitIds.HealthCommission}", task.CandidateGroup);
        var notices = await host.QueryAsync(db => db.Notifications.Where(n => n.TaskId == task.Id).ToListAsync());
        Assert.Contains(notices, n => n.UserId == host.Users["caseworker"] && n.Title.StartsWith("任务逾期", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.UserId == host.Users["supervisor-weijian"] && n.Title.StartsWith("逾期督办", StringComparison.Ordinal));
        Assert.Contains(await host.TimelineAsync(@case.Id), t => t.Kind == TimelineKind.TaskOverdue && t.Text.Contains("区卫健委"));
    }

    [Fact]
    public async Task WeeklyConsultation_ListsTheCase_TurnsDecisionsIntoTasks_AndWritesTheReport()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "weekly-consultation");
        var @case = await RegisterAsync(host, "MentalHealth", "Severe");
        var cron = await host.QueryAsync(db => db.WorkflowTriggers.SingleAsync(t => t.DefinitionId == "weekly-consultation"));

        var meetingInstance = await host.Runtime.StartFromTriggerAsync("weekly-consultation", host.Versions["weekly-consultation"], cron.NodeId);

        var meeting = await host.QueryAsync(db => db.Meetings.Include(m => m.AgendaItems).SingleAsync());
        Assert.Equal((MeetingKind.Weekly, MeetingStatus.Scheduled, meetingInstance!.Id), (meeting.Kind, meeting.Status, meeting.InstanceId));
        Assert.Contains(meeting.AgendaItems, i => i.CaseId == @case.Id && i.Reason == AgendaReason.SevereCase);
        Assert.Contains(meeting.AgendaItems, i => i.CaseId == @case.Id && i.Reason == AgendaReason.NewRegistration);
        // The note says what the case is about; its file number and name have their own columns.
        Assert.Equal("心理健康关爱·严重", meeting.AgendaItems.First(i => i.CaseId == @case.Id).Note);
        var reminded = await host.QueryAsync(db => db.Notifications.Where(n => n.Title.Contains("周会商")).Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { host.Users["secretary"], host.Users["supervisor-taskforce"] }.Order(), reminded.Order());

        await host.FireTimerAsync(meetingInstance.Id);
        var minutes = Assert.Single(await host.QueryAsync(db => db.WorkTasks.Where(t => t.InstanceId == meetingInstance.Id && t.Status == WorkTaskStatus.Open).ToListAsync()));
        Assert.Equal((null, "Secretary@task-force"), (minutes.AssigneeUserId, minutes.CandidateGroup));
        await host.CompleteAsync(minutes, "Done", new JsonObject
        {
            ["minutes"] = "研究严重个案帮扶进展。",
            ["attendance"] = "专班成员5人。",
            ["decisions"] = $"{@case.FileNumber}：本周内完成联合家访\n加强部门协同",
        }, user: "secretary");

        var held = await host.QueryAsync(db => db.Meetings.Include(m => m.Decisions).SingleAsync());
        Assert.Equal(MeetingStatus.Reported, held.Status);
        Assert.Equal(2, held.Decisions.Count);
        var decision = Assert.Single(held.Decisions, d => d.CaseId == @case.Id);
        var decisionTask = await host.QueryAsync(db => db.WorkTasks.SingleAsync(t => t.Id == decision.TaskId));
        Assert.Equal((WorkTaskKinds.Decision, (string?)null, host.Users["caseworker"]), (decisionTask.Kind, decisionTask.BookmarkId, decisionTask.AssigneeUserId));
        Assert.Contains("累计入库1人", held.ReportText);
        Assert.Contains("本周内完成联合家访", held.ReportText);
        Assert.Contains(await host.TimelineAsync(@case.Id), t => t.Kind == TimelineKind.Decision);
    }

    [Fact]
    public async Task ApprovedExit_ExitsTheCase_EndsTheHelpLoop_AndStartsFollowUps()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "exit-evaluation", "post-exit-follow-up");
        var @case = await RegisterAsync(host, "DropoutPrevention", "Light");
        var intake = await host.QueryAsync(db => db.WorkflowInstances.SingleAsync(i => i.DefinitionId == "case-intake"));
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Done", new JsonObject
        {
            ["helperTeam"] = "同心护未来", ["planGoals"] = "按时到校", ["planMeasures"] = "每周家访",
        });

        await host.Runtime.StartAsync("exit-evaluation", new Dictionary<string, JsonNode?> { ["reason"] = "已稳定到校一学期。" }, @case.Id);
        Assert.Equal(CaseStatus.ExitEvaluation, (await host.CaseAsync(@case.Id)).Status);
        var checklist = Assert.Single(await host.OpenTasksAsync(@case.Id));
        var answers = CasesApi.CriteriaAnswersFor.Required(checklist);
        Assert.NotEmpty(answers);
        var firstEvidence = answers[0]!["evidence"]!.GetValue<string>();
        await host.CompleteAsync(checklist, "CriteriaMet", new JsonObject { ["exitCriteria"] = answers, ["criteriaNotes"] = "已核实。" });
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "RecommendExit", new JsonObject { ["teamEvaluation"] = "建议出库。" });
        var approval = await host.OpenTaskAsync(@case.Id, "Approval:Exit");
        Assert.Equal(host.Users["supervisor-bicheng"], approval.AssigneeUserId);

        await host.CompleteAsync(approval, "Approved", comment: "同意出库。");

        var exited = await host.CaseAsync(@case.Id);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, exited.ExitedAtUtc);
        Assert.Equal(CaseStatus.FollowUp, exited.Status);
        Assert.Contains(await host.TimelineAsync(@case.Id), t => t.Kind == TimelineKind.Exited);
        // The intake's free-text plan is version 1 of the structured plan: one goal carrying the text.
        var goal = Assert.Single(await host.QueryAsync(db => db.PlanGoals.Where(g => g.CaseId == @case.Id && g.Active).ToListAsync()));
        Assert.Equal(("按时到校", "每周家访"), (goal.Title, goal.Measures));
        Assert.Equal(1, await host.QueryAsync(db => db.PlanRevisions.Where(r => r.CaseId == @case.Id).MaxAsync(r => r.Version)));
        var evaluations = await host.QueryAsync(db => db.Evaluations.Where(e => e.CaseId == @case.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([EvaluationKind.Screening, EvaluationKind.Exit], evaluations.Select(e => e.Kind));
        Assert.Equal("CriteriaMet", evaluations[1].Result);
        Assert.Contains(firstEvidence, evaluations[1].ChecklistJson);
        var instances = await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().ToListAsync());
        Assert.Equal(WorkflowStatus.Finished, instances.Single(i => i.Id == intake.Id).Status);
        Assert.Contains(instances, i => i.DefinitionId == "post-exit-follow-up" && i.CorrelationId == @case.Id && i.Status == WorkflowStatus.Running);
        Assert.Empty(await host.OpenTasksAsync(@case.Id));
    }

    private static async Task<Case> RegisterAsync(CasesHost host, string action, string tier)
    {
        var @case = await host.CreateCaseAsync();
        await host.StartIntakeAsync(@case);
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Eligible", new JsonObject
        {
            ["proposedAction"] = action, ["proposedTier"] = tier, ["screeningReason"] = "符合条件。",
        });
        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Registration"), "Approved");
        return await host.CaseAsync(@case.Id);
    }
}
