using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Tests.Workflows;

public sealed class MeetingFacts
{
    private static readonly JsonObject Minutes = new()
    {
        ["minutes"] = "研判本周新入库和严重个案。",
        ["attendance"] = "区教委、区民政局、团区委、区卫健委",
        ["decisions"] = "case-7：请区卫健委安排心理咨询师每周家访\ncase-9: 协调学校复学\n下周起各片区报送逾期任务清单",
    };

    [Fact]
    public void WeeklyCron_FiresOnSundayMorningInShanghai_TheDayBeforeTheMeeting()
    {
        var definition = CaseHarness.Load("weekly-consultation");
        var cron = definition.Root.Activities[0];
        var expression = cron.GetInput("cronExpression")!.Value!.GetValue<string>();

        Assert.True(cron.CanStartWorkflow);
        Assert.Equal(CaseHarness.Epoch.UtcDateTime, CronSchedule.NextUtc(expression, CaseHarness.Epoch.UtcDateTime.AddMinutes(-1)));
        Assert.Equal(CaseHarness.Epoch.UtcDateTime.AddDays(7), CronSchedule.NextUtc(expression, CaseHarness.Epoch.UtcDateTime));
    }

    [Fact]
    public async Task WeeklyConsultation_SchedulesRemindsRecordsAndReports_FromItsCronTrigger()
    {
        var h = await CaseHarness.StartAsync("weekly-consultation", caseId: null, triggerActivityId: "cron");

        var meeting = h.Effect<MeetingScheduled>();
        Assert.Equal(("Weekly", CaseHarness.Epoch.UtcDateTime.AddDays(1)), (meeting.Kind, meeting.ScheduledAtUtc));
        var reminder = h.Effect<NotificationRequested>();
        Assert.Equal(("meeting.attendees", null), (reminder.Recipient, reminder.CaseId));
        Assert.Empty(h.Tasks);

        await h.AdvanceAsync(TimeSpan.FromDays(1));
        var task = h.Task("minutes");
        Assert.Equal(("role:Secretary@task-force", CaseHarness.Epoch.UtcDateTime.AddDays(2)), (task.Assignee, task.DueAtUtc));
        await h.CompleteAsync("minutes", "Done", Minutes);

        var decisions = Assert.IsType<DecisionTasksRequested>(h.LastEffects.First());
        Assert.Equal(h.State.InstanceId, decisions.InstanceId);
        Assert.Equal(
            [new MeetingDecision("case-7", "请区卫健委安排心理咨询师每周家访"), new MeetingDecision("case-9", "协调学校复学"), new MeetingDecision(null, "下周起各片区报送逾期任务清单")],
            decisions.Decisions);
        Assert.Equal(("case.caseworker", CaseHarness.Epoch.UtcDateTime.AddDays(8)), (decisions.Assignee, decisions.DueAtUtc));
        var report = Assert.IsType<SpecialReportRequested>(h.LastEffects.Last());
        Assert.Equal(("Weekly", h.State.InstanceId), (report.Period, report.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }

    [Fact]
    public async Task MonthlyMeeting_UsesTheSecretarysTopic_ThroughAgendaAndReport()
    {
        var h = await CaseHarness.StartAsync("monthly-special-meeting", caseId: null, triggerActivityId: "cron");
        Assert.Equal("role:Secretary@task-force", h.Task("choose-topic").Assignee);

        await h.CompleteAsync("choose-topic", "Done", new JsonObject { ["topic"] = "父母回乡就业与监护责任落实" });
        Assert.Equal(("Monthly", "父母回乡就业与监护责任落实"), (h.Effect<MeetingScheduled>().Kind, h.Effect<MeetingScheduled>().Topic));
        Assert.Contains("父母回乡就业与监护责任落实", h.Effect<NotificationRequested>().Message);
        await h.AdvanceAsync(TimeSpan.FromDays(1));
        await h.CompleteAsync("minutes", "Done", Minutes);

        Assert.Equal(3, h.Effect<DecisionTasksRequested>().Decisions.Count);
        Assert.Equal(("Monthly", "五项行动月度专题会专报：父母回乡就业与监护责任落实"),
            (h.Effect<SpecialReportRequested>().Period, h.Effect<SpecialReportRequested>().Title));
    }
}
