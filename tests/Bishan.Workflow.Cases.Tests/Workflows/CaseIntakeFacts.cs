using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Tests.Workflows;

public sealed class CaseIntakeFacts
{
    private static JsonObject Proposal(string action = "MentalHealth", string tier = "Serious") => new()
    {
        ["proposedAction"] = action,
        ["proposedTier"] = tier,
        ["screeningReason"] = "长期厌学，情绪低落，经心理老师初评需干预。",
    };

    [Fact]
    public async Task Start_OpensScreeningTaskForCaseworker_AfterSettingScreening()
    {
        var h = await CaseHarness.StartAsync("case-intake");

        var status = h.Effect<CaseStatusChanged>();
        Assert.Equal(("case-1", "Screening"), (status.CaseId, status.Status));
        var task = h.Task("screening");
        Assert.Equal("case.caseworker", task.Assignee);
        Assert.Equal(["Eligible", "NotEligible"], task.Outcomes);
        Assert.Equal(["proposedAction", "proposedTier", "entryCriteria", "screeningReason"], task.Form.Select(f => f.Name));
        Assert.Equal("case-1", task.CaseId);
        Assert.DoesNotContain("退回", task.Description);
        Assert.Equal("case-1", h.Variable("caseId")?.GetValue<string>());
    }

    [Fact]
    public async Task Intake_RegistersCase_WhenEligibleAndApproved()
    {
        var h = await CaseHarness.StartAsync("case-intake");

        await h.CompleteAsync("screening", "Eligible", Proposal());
        var approval = h.Task("approve-registration");
        Assert.Equal(("case.coordinator", "Serious", "Approval:Registration"), (approval.Assignee, approval.TargetTier, approval.Kind));
        // The approver reads the proposal in words, not as the form's values.
        Assert.StartsWith("提议行动类别：心理健康关爱；提议程度：较重。", approval.Description);
        await h.CompleteAsync("approve-registration", "Approved", comment: "同意入库。");

        var decided = Assert.IsType<ApprovalDecided>(h.LastEffects.First());
        Assert.Equal(("Registration", "Approved"), (decided.Subject, decided.Outcome));
        var registered = Assert.IsType<CaseRegistered>(h.LastEffects.Last());
        Assert.Equal(("case-1", "MentalHealth", "Serious"), (registered.CaseId, registered.Action, registered.Tier));
        Assert.Equal(h.State.InstanceId, registered.InstanceId);
        Assert.Equal("case.coordinator", h.Task("plan").Assignee);
    }

    [Fact]
    public async Task HelpRecords_FallDuePeriodically_UntilCaseExits()
    {
        var h = await CaseHarness.StartAsync("case-intake");
        await h.CompleteAsync("screening", "Eligible", Proposal());
        await h.CompleteAsync("approve-registration", "Approved");
        await h.CompleteAsync("plan", "Done", new JsonObject { ["helperTeam"] = "心灵成长社", ["planGoals"] = "恢复到校", ["planMeasures"] = "每周家访" });

        for (var period = 1; period <= 3; period++)
        {
            Assert.Equal(CaseHarness.Epoch.UtcDateTime.AddDays(14 * period), Assert.Single(h.Timers).ResumeAtUtc);
            Assert.Empty(h.Tasks);
            await h.AdvanceAsync(TimeSpan.FromDays(14));
            await h.CompleteAsync("help-record", "Done",
                new JsonObject { ["helpDate"] = "2026-03-15", ["helpKind"] = "家访", ["helpContent"] = "家访一次，情绪好转。" });
        }
        await h.AdvanceAsync(TimeSpan.FromDays(14));
        var openTask = h.TaskBookmark("help-record").Id;

        await h.PublishEventAsync("case-exited");

        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
        Assert.Empty(h.State.Bookmarks);
        Assert.Contains(openTask, h.Last!.RemovedBookmarkIds);
    }

    [Fact]
    public async Task Intake_ClosesCase_WhenNotEligible()
    {
        var h = await CaseHarness.StartAsync("case-intake");

        await h.CompleteAsync("screening", "NotEligible", new JsonObject { ["screeningReason"] = "已返校就读，无需帮扶。" });

        var closed = h.Effect<CaseClosed>();
        Assert.Equal(("case-1", "筛查不符合入库条件：已返校就读，无需帮扶。"), (closed.CaseId, closed.Reason));
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
        Assert.Empty(h.EffectsOf<CaseRegistered>());
    }

    [Fact]
    public async Task SentBack_ReopensScreening_WithTheApproversComment()
    {
        var h = await CaseHarness.StartAsync("case-intake");
        await h.CompleteAsync("screening", "Eligible", Proposal(tier: "Light"));

        await h.CompleteAsync("approve-registration", "SentBack", comment: "请补充家庭监护情况。");

        Assert.Equal(["screening"], h.OpenTaskActivities);
        Assert.Contains("请补充家庭监护情况。", h.Task("screening").Description);
        await h.CompleteAsync("screening", "Eligible", Proposal(tier: "Severe"));
        Assert.Equal("Severe", h.Task("approve-registration").TargetTier);
        await h.CompleteAsync("approve-registration", "Approved");
        Assert.Equal("Severe", h.Effect<CaseRegistered>().Tier);
    }

    [Fact]
    public async Task Eligible_WithoutProposal_ReopensScreening()
    {
        var h = await CaseHarness.StartAsync("case-intake");

        await h.CompleteAsync("screening", "Eligible", new JsonObject { ["screeningReason"] = "符合" });

        Assert.Equal(["screening"], h.OpenTaskActivities);
        Assert.Empty(h.EffectsOf<ApprovalDecided>());
    }

    [Fact]
    public async Task Rejected_SetsRejectedStatus_WithoutRegistering()
    {
        var h = await CaseHarness.StartAsync("case-intake");
        await h.CompleteAsync("screening", "Eligible", Proposal());

        await h.CompleteAsync("approve-registration", "Rejected", comment: "不属于五项行动范围。");

        var status = Assert.IsType<CaseStatusChanged>(h.LastEffects.Last());
        Assert.Equal(("Rejected", "入库审批未通过：不属于五项行动范围。"), (status.Status, status.Reason));
        Assert.Empty(h.EffectsOf<CaseRegistered>());
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }
}
