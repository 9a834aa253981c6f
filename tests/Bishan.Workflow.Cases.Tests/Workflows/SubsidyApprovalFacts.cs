using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Tests.Workflows;

public sealed class SubsidyApprovalFacts
{
    private static Task<CaseHarness> RequestAsync() =>
        CaseHarness.StartAsync("subsidy-approval", input: new Dictionary<string, JsonNode?>
        {
            ["subsidyId"] = "7",
            ["amount"] = "1,200.00",
            ["reason"] = "父亲务工受伤，家庭暂无收入。",
            ["budgetLine"] = "帮扶家庭补助",
        });

    [Fact]
    public async Task Approved_DecidesTheSubsidyAfterTheApproval_AndNotifies()
    {
        var h = await RequestAsync();
        var approval = h.Task("approve-subsidy");
        Assert.Equal(("帮扶家庭补助审批", "Approval:Subsidy", "case.coordinator"), (approval.Title, approval.Kind, approval.Assignee));
        Assert.Contains("1,200.00 元（经费科目：帮扶家庭补助）", approval.Description);

        await h.CompleteAsync("approve-subsidy", "Approved", comment: "同意。");

        Assert.Collection(h.LastEffects,
            e => Assert.Equal(("Subsidy", "Approved"), (((ApprovalDecided)e).Subject, ((ApprovalDecided)e).Outcome)),
            e => Assert.Equal(("case-1", "7", "Approved"), (((SubsidyDecided)e).CaseId, ((SubsidyDecided)e).SubsidyId, ((SubsidyDecided)e).Decision)),
            e => Assert.Equal("case.caseworker", ((NotificationRequested)e).Recipient));
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }

    [Fact]
    public async Task Rejected_DecidesRejected_WithTheComment()
    {
        var h = await RequestAsync();

        await h.CompleteAsync("approve-subsidy", "Rejected", comment: "已享受低保。");

        Assert.Equal(("Rejected", "审批意见：已享受低保。"), (h.Effect<SubsidyDecided>().Decision, h.Effect<SubsidyDecided>().Reason));
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }

    [Fact]
    public async Task SentBack_LetsTheCaseworkerAmendAndResubmit_OrWithdraw()
    {
        var h = await RequestAsync();

        await h.CompleteAsync("approve-subsidy", "SentBack", comment: "请附医院证明。");
        Assert.Equal(["amend"], h.OpenTaskActivities);
        Assert.Equal("case.caseworker", h.Task("amend").Assignee);
        Assert.Empty(h.EffectsOf<SubsidyDecided>());
        await h.CompleteAsync("amend", "Resubmit", new JsonObject { ["reason"] = "已附医院证明。" });
        Assert.Contains("已附医院证明。", h.Task("approve-subsidy").Description);
        Assert.Equal(("7", null, "已附医院证明。"), (h.Effect<SubsidyAmended>().SubsidyId, h.Effect<SubsidyAmended>().Amount, h.Effect<SubsidyAmended>().Reason));

        await h.CompleteAsync("approve-subsidy", "SentBack", comment: "金额过高。");
        await h.CompleteAsync("amend", "Withdraw", new JsonObject { ["reason"] = "改为申请临时救助。" });
        Assert.Equal(("Withdrawn", "改为申请临时救助。"), (h.Effect<SubsidyDecided>().Decision, h.Effect<SubsidyDecided>().Reason));
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
    }

    [Fact]
    public async Task Resubmitted_AmendsTheSubsidy_AndTheNextApprovalShowsTheNewReasonAndAmount()
    {
        var h = await RequestAsync();
        await h.CompleteAsync("approve-subsidy", "SentBack", comment: "请附医院证明，并按实际费用申请。");
        Assert.Contains("1,200.00 元", h.Task("amend").Description);
        Assert.Contains(h.Task("amend").Form, f => f.Name == "newAmount");

        await h.CompleteAsync("amend", "Resubmit", new JsonObject { ["reason"] = "已附医院证明，实际医药费 1500 元。", ["newAmount"] = 1500 });

        var amended = h.Effect<SubsidyAmended>();
        Assert.Equal(("case-1", "7", "1500", "已附医院证明，实际医药费 1500 元。"), (amended.CaseId, amended.SubsidyId, amended.Amount, amended.Reason));
        Assert.Equal(h.State.InstanceId, amended.InstanceId);
        var approval = h.Task("approve-subsidy");
        Assert.Contains("申请补助 1,500.00 元", approval.Description);
        Assert.Contains("理由：已附医院证明，实际医药费 1500 元。", approval.Description);

        await h.CompleteAsync("approve-subsidy", "Approved", comment: "同意。");
        Assert.Equal("Approved", h.Effect<SubsidyDecided>().Decision);
        Assert.Contains("1,500.00 元", h.Effect<NotificationRequested>().Message);
    }
}
