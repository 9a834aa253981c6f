using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Tests.Workflows;

public sealed class TieredEscalationFacts
{
    private static Task<CaseHarness> RequestAsync(string targetTier, string direction = "Escalation") =>
        CaseHarness.StartAsync("tiered-escalation", input: new Dictionary<string, JsonNode?>
        {
            ["targetTier"] = targetTier,
            ["direction"] = direction,
            ["reason"] = "多次夜不归宿，监护缺失。",
        });

    [Fact]
    public async Task Escalation_ChangesTierAndNotifies_WhenApproved()
    {
        var h = await RequestAsync("Severe");
        var approval = h.Task("approve-change");
        Assert.Equal(("升级审批", "Severe", "Approval:Escalation", "case.coordinator"), (approval.Title, approval.TargetTier, approval.Kind, approval.Assignee));
        Assert.Equal("申请升级至“严重”：多次夜不归宿，监护缺失。", h.Effect<TimelineEntryAdded>().Text);

        await h.CompleteAsync("approve-change", "Approved", comment: "同意由区级专班统筹。");

        Assert.Collection(h.LastEffects,
            e => Assert.Equal(("Escalation", "Severe", "Approved"), (((ApprovalDecided)e).Subject, ((ApprovalDecided)e).TargetTier, ((ApprovalDecided)e).Outcome)),
            e => Assert.Equal(("case-1", "Severe"), (((CaseTierChanged)e).CaseId, ((CaseTierChanged)e).TargetTier)),
            e => Assert.Equal("case.caseworker", ((NotificationRequested)e).Recipient));
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }

    [Fact]
    public async Task Deescalation_AsksForDeescalationApproval()
    {
        var h = await RequestAsync("Light", "Deescalation");

        Assert.Equal(("降级审批", "Approval:Deescalation"), (h.Task("approve-change").Title, h.Task("approve-change").Kind));
        Assert.StartsWith("申请降级至“较轻”。", h.Task("approve-change").Description);
        await h.CompleteAsync("approve-change", "Approved");
        Assert.Equal("Light", h.Effect<CaseTierChanged>().TargetTier);
    }

    [Fact]
    public async Task SentBack_LetsCaseworkerResubmit_ThenApprovalAgain()
    {
        var h = await RequestAsync("Serious");

        await h.CompleteAsync("approve-change", "SentBack", comment: "请附学校意见。");
        Assert.Equal(["supplement"], h.OpenTaskActivities);
        await h.CompleteAsync("supplement", "Resubmit", new JsonObject { ["reason"] = "学校同意升级。" });

        Assert.Contains("学校同意升级。", h.Task("approve-change").Description);
        await h.CompleteAsync("approve-change", "Approved");
        Assert.Equal(("Serious", "学校同意升级。"), (h.Effect<CaseTierChanged>().TargetTier, h.Effect<CaseTierChanged>().Reason));
    }

    [Fact]
    public async Task Rejected_NotifiesCaseworker_WithoutChangingTier()
    {
        var h = await RequestAsync("Severe");

        await h.CompleteAsync("approve-change", "Rejected", comment: "现有措施尚未落实。");

        Assert.Empty(h.EffectsOf<CaseTierChanged>());
        Assert.Equal("审批意见：现有措施尚未落实。", h.Effect<NotificationRequested>().Message);
    }
}
