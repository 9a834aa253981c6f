using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Tests.Workflows;

public sealed class ExitAndFollowUpFacts
{
    private static readonly JsonObject Review = new() { ["reviewNotes"] = "到校正常，家庭监护落实。" };

    private static Task<CaseHarness> RequestExitAsync() =>
        CaseHarness.StartAsync("exit-evaluation", input: new Dictionary<string, JsonNode?> { ["reason"] = "连续三个月稳定到校。" });

    [Fact]
    public async Task ExitEvaluation_ExitsAndStartsFollowUp_WhenCriteriaMetAndApproved()
    {
        var h = await RequestExitAsync();
        Assert.Equal(("ExitEvaluation", "申请出库评估：连续三个月稳定到校。"), (h.Effect<CaseStatusChanged>().Status, h.Effect<CaseStatusChanged>().Reason));
        var checklist = h.Task("checklist").Form[0];
        Assert.Equal((FormFieldType.Criteria, "exitCriteria"), (checklist.Type, checklist.OptionsSource));

        await h.CompleteWithCriteriaAsync("checklist", "CriteriaMet",
            new JsonObject { ["exitCriteria"] = TickedWithEvidence(checklist), ["criteriaNotes"] = "均已达到。" });
        Assert.Equal("case.helperTeam", h.Task("team-evaluation").CandidateGroups);
        await h.CompleteAsync("team-evaluation", "RecommendExit", new JsonObject { ["teamEvaluation"] = "帮扶目标已实现，建议出库。" });
        Assert.Equal("Approval:Exit", h.Task("approve-exit").Kind);
        await h.CompleteAsync("approve-exit", "Approved", comment: "同意出库。");

        Assert.Collection(h.LastEffects,
            e => Assert.Equal(("Exit", "Approved"), (((ApprovalDecided)e).Subject, ((ApprovalDecided)e).Outcome)),
            e => Assert.Equal(("case-1", "帮扶目标已实现，建议出库。"), (((CaseExited)e).CaseId, ((CaseExited)e).Reason)),
            e =>
            {
                var start = (WorkflowStartRequested)e;
                Assert.Equal(("post-exit-follow-up", "case-1", "case-1"), (start.DefinitionId, start.CorrelationId, start.CaseId));
                Assert.Equal("case-1", start.Input["caseId"]?.GetValue<string>());
            });
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }

    [Fact]
    public async Task ExitEvaluation_KeepsCaseRegistered_WhenCriteriaNotMet()
    {
        var h = await RequestExitAsync();

        await h.CompleteAsync("checklist", "CriteriaNotMet", new JsonObject { ["criteriaNotes"] = "仍有旷课。" });

        Assert.Equal(("Registered", "未达到出库条件：仍有旷课。"), (h.LastEffects.OfType<CaseStatusChanged>().Single().Status, h.LastEffects.OfType<CaseStatusChanged>().Single().Reason));
        Assert.Empty(h.EffectsOf<CaseExited>());
    }

    [Fact]
    public async Task ExitApproval_SentBack_ReopensTeamEvaluation()
    {
        var h = await RequestExitAsync();
        await h.CompleteAsync("checklist", "CriteriaMet", new JsonObject { ["criteriaNotes"] = "均已达到。" });
        await h.CompleteAsync("team-evaluation", "RecommendExit", new JsonObject { ["teamEvaluation"] = "建议出库。" });

        await h.CompleteAsync("approve-exit", "SentBack", comment: "请补充家长意见。");

        Assert.Equal(["team-evaluation"], h.OpenTaskActivities);
        Assert.Contains("请补充家长意见。", h.Task("team-evaluation").Description);
    }

    [Fact]
    public async Task FollowUp_ReviewsAt30_90And180DaysFromExit_ThenCloses()
    {
        var h = await CaseHarness.StartAsync("post-exit-follow-up");
        Assert.Equal("FollowUp", h.Effect<CaseStatusChanged>().Status);
        Assert.Equal([30, 90, 180], h.Timers.Select(t => (t.ResumeAtUtc!.Value - CaseHarness.Epoch.UtcDateTime).TotalDays).Order());

        await h.AdvanceAsync(TimeSpan.FromDays(29));
        Assert.Empty(h.Tasks);
        await h.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(["review-1"], h.OpenTaskActivities);
        await h.AdvanceAsync(TimeSpan.FromDays(5));
        await h.CompleteAsync("review-1", "Stable", Review);

        await h.AdvanceAsync(TimeSpan.FromDays(55));
        Assert.Equal(["review-2"], h.OpenTaskActivities);
        await h.CompleteAsync("review-2", "Stable", Review);
        await h.AdvanceAsync(TimeSpan.FromDays(90));
        Assert.Equal(["review-3"], h.OpenTaskActivities);
        Assert.Empty(h.EffectsOf<CaseClosed>());
        await h.CompleteAsync("review-3", "Stable", Review);

        Assert.Equal("出库后跟踪评估稳定，结案：到校正常，家庭监护落实。", h.Effect<CaseClosed>().Reason);
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
        Assert.Empty(h.EffectsOf<CaseReentered>());
    }

    [Fact]
    public async Task FollowUp_ReentersAndRestartsIntake_OnRelapse_CancellingLaterReviews()
    {
        var h = await CaseHarness.StartAsync("post-exit-follow-up");
        await h.AdvanceAsync(TimeSpan.FromDays(30));
        await h.CompleteAsync("review-1", "Stable", Review);
        await h.AdvanceAsync(TimeSpan.FromDays(60));

        await h.CompleteAsync("review-2", "Relapse", new JsonObject { ["reviewNotes"] = "再次辍学。" });

        var reentered = h.Effect<CaseReentered>();
        Assert.Equal(("case-1", "出库后跟踪评估发现反复：再次辍学。"), (reentered.CaseId, reentered.Reason));
        var restart = h.Effect<WorkflowStartRequested>();
        Assert.Equal(("case-intake", "case-1"), (restart.DefinitionId, restart.CorrelationId));
        Assert.True(restart.Input["reentry"]!.GetValue<bool>());
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
        Assert.Empty(h.State.Bookmarks);
        Assert.Empty(h.EffectsOf<CaseClosed>());
    }

    [Fact]
    public async Task FollowUp_DelaysAreConfigurable_ThroughVariables()
    {
        var definition = CaseHarness.Load("post-exit-follow-up");

        Assert.Equal(["30.00:00:00", "90.00:00:00", "180.00:00:00"],
            FollowUpVariables.Select(n => definition.Variables.Single(v => v.Name == n).Value?.ToString()));
    }

    private static readonly string[] FollowUpVariables = ["followUp1", "followUp2", "followUp3"];

    /// <summary>
    /// Every required criterion ticked with its evidence, as a caseworker answers. Without a database the harness offers no
    /// catalogue, so the shape alone is checked: one criterion with evidence.
    /// </summary>
    private static JsonArray TickedWithEvidence(FormField field) =>
        field.CriteriaSetFor(null) is { } set
            ? new([.. set.Items.Where(i => i.Required).Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["evidence"] = "已核实：" + i.TextZh })])
            : new(new JsonObject { ["id"] = "attendance", ["evidence"] = "连续到校满三个月。" });
}
