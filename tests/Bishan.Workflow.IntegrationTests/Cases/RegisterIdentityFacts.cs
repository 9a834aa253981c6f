using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The register's totals satisfy registered = exited + in the register + being re-screened at every step of a relapse:
/// registered, exited, re-entered and re-screened, registered again (the person still counts once).
/// </summary>
public sealed class RegisterIdentityFacts
{
    [Fact]
    public async Task Totals_AddUp_ThroughExitRelapseRescreeningAndReRegistration()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "exit-evaluation", "post-exit-follow-up");
        var @case = await RegisterAsync(host);
        await AssertFiguresAsync(host, registered: 1, exited: 0, inRegister: 1, rescreening: 0);

        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Done", new JsonObject
        {
            ["helperTeam"] = "同心护未来", ["planGoals"] = "按时到校", ["planMeasures"] = "每周家访",
        });
        await host.Runtime.StartAsync("exit-evaluation", new Dictionary<string, JsonNode?> { ["reason"] = "已稳定到校一学期。" }, @case.Id);
        var checklist = Assert.Single(await host.OpenTasksAsync(@case.Id));
        await host.CompleteAsync(checklist, "CriteriaMet", new JsonObject { ["exitCriteria"] = RequiredAnswers(checklist) });
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "RecommendExit", new JsonObject { ["teamEvaluation"] = "建议出库。" });
        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Exit"), "Approved", comment: "同意出库。");
        await AssertFiguresAsync(host, registered: 1, exited: 1, inRegister: 0, rescreening: 0);

        var followUp = await host.QueryAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.DefinitionId == "post-exit-follow-up"));
        await host.FireTimerAsync(followUp.Id);
        await host.CompleteAsync(Assert.Single(await host.OpenTasksAsync(@case.Id)), "Relapse", new JsonObject { ["reviewNotes"] = "再次辍学。" });
        Assert.Equal(CaseStatus.Screening, (await host.CaseAsync(@case.Id)).Status);
        // The case of the issue: 477 ≠ 211 + 265 while a relapsed case was re-screened.
        await AssertFiguresAsync(host, registered: 1, exited: 0, inRegister: 0, rescreening: 1);

        var screening = Assert.Single(await host.OpenTasksAsync(@case.Id));
        var proposal = Proposal();
        proposal["entryCriteria"] = RequiredAnswers(screening, proposal);
        await host.CompleteAsync(screening, "Eligible", proposal);
        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Registration"), "Approved");
        Assert.Equal(2, (await host.CaseAsync(@case.Id)).RegistrationCount);
        await AssertFiguresAsync(host, registered: 1, exited: 0, inRegister: 1, rescreening: 0);
    }

    private static async Task AssertFiguresAsync(CasesHost host, int registered, int exited, int inRegister, int rescreening)
    {
        var f = await host.QueryAsync(db => RegisterFigures.ComputeAsync(db.Cases, db.WorkTasks, host.Time.GetUtcNow().UtcDateTime, CancellationToken.None));
        Assert.Equal((registered, exited, inRegister, rescreening), (f.RegisteredTotal, f.ExitedTotal, f.InRegister, f.BeingRescreened));
        Assert.True(f.IdentityHolds);
    }

    private static JsonObject Proposal() => new()
    {
        ["proposedAction"] = "DropoutPrevention", ["proposedTier"] = "Light", ["screeningReason"] = "连续多日未到校。",
    };

    private static JsonArray RequiredAnswers(WorkTask task, JsonObject? data = null)
    {
        var field = TaskForms.Fields(task).Single(f => f.Type == FormFieldType.Criteria);
        var set = field.CriteriaSetFor(data)!;
        return new JsonArray(set.Items.Where(i => i.Required)
            .Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["evidence"] = "已核实。" }).ToArray());
    }

    private static async Task<Case> RegisterAsync(CasesHost host)
    {
        var @case = await host.CreateCaseAsync(suggested: FiveAction.DropoutPrevention);
        await host.StartIntakeAsync(@case);
        var screening = Assert.Single(await host.OpenTasksAsync(@case.Id));
        var proposal = Proposal();
        proposal["entryCriteria"] = RequiredAnswers(screening, proposal);
        await host.CompleteAsync(screening, "Eligible", proposal);
        await host.CompleteAsync(await host.OpenTaskAsync(@case.Id, "Approval:Registration"), "Approved");
        return await host.CaseAsync(@case.Id);
    }
}
