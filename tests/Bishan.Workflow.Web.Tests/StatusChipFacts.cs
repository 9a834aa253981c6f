using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Web.Components.Shared;

namespace Bishan.Workflow.Web.Tests;

public sealed class StatusChipFacts() : UiTestContext("en")
{
    [Fact]
    public void Render_ShowsTheLocalizedStatus_InTheUsersLanguage()
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, WorkflowSubStatus.Suspended));

        Assert.Equal("Waiting", chip.Find("[data-status]").TextContent.Trim());
        Assert.Equal("Suspended", chip.Find("[data-status]").GetAttribute("data-status"));
    }
}
