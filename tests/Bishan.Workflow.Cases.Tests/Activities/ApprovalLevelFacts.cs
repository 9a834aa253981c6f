using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Tests.Support;

namespace Bishan.Workflow.Cases.Tests.Activities;

public sealed class ApprovalLevelFacts
{
    private const string Workflow = """
        {
          "definitionId": "two-level", "name": "two-level",
          "variables": [ { "id": "caseId", "name": "caseId", "typeName": "String" } ],
          "root": { "id": "flow", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "approve", "type": "Bishan.Approval",
                "title": { "typeName": "String", "expression": { "type": "Literal", "value": "补助审批" } },
                "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "Subsidy" } },
                "approver": { "typeName": "String", "expression": { "type": "Literal", "value": "case.coordinator" } },
                "secondApprover": { "typeName": "String", "expression": { "type": "Literal", "value": "case.coordinator.up" } },
                "dueIn": { "typeName": "String", "expression": { "type": "Literal", "value": "P3D" } } }
            ],
            "connections": [] } }
        """;

    [Fact]
    public async Task SecondLevel_ReplacesTheFirstLevelsOverdueTimer_WithItsOwn()
    {
        var harness = new CaseHarness(CaseHarness.Parse(Workflow));
        await harness.StartAsync(new Engine.Execution.StartWorkflowRequest { CorrelationId = "case-1" });
        var firstTimer = Assert.Single(harness.State.Bookmarks, b => b.Name == UserTaskActivity.OverdueBookmark);

        harness.Time.Advance(TimeSpan.FromDays(1));
        await harness.CompleteAsync("approve", ApprovalActivity.Approved, new JsonObject { ["comment"] = "同意" }, "同意");

        var secondTimer = Assert.Single(harness.State.Bookmarks, b => b.Name == UserTaskActivity.OverdueBookmark);
        Assert.NotEqual(firstTimer.Id, secondTimer.Id);
        Assert.Equal(firstTimer.ResumeAtUtc!.Value.AddDays(1), secondTimer.ResumeAtUtc);
        Assert.Contains("二级审批", harness.Task("approve").Title, StringComparison.Ordinal);
    }
}
