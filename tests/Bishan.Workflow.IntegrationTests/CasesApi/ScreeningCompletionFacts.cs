using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// A screening judged eligible names the action and the tier (the form declares them required for that outcome): without
/// them the completion is refused at the fields and the task stays open, instead of the workflow reopening it silently.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ScreeningCompletionFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task CompleteTask_Answers400AtActionAndTier_WhenAnEligibleScreeningLacksThem()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var task = await factory.OpenTaskAsync(caseId, instanceId);

        var response = await caseworker.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "Eligible", data = new { screeningReason = "符合条件。" } });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("必填", errors["proposedAction"]![0]!.GetValue<string>());
        Assert.Contains("必填", errors["proposedTier"]![0]!.GetValue<string>());
        Assert.Equal(WorkTaskStatus.Open, (await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);
    }

    [Fact]
    public async Task CompleteTask_ClosesTheCaseWithoutActionAndTier_WhenTheScreeningIsNotEligible()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var task = await factory.OpenTaskAsync(caseId, instanceId);

        var response = await caseworker.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "NotEligible", data = new { screeningReason = "不符合入库条件。" } });

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
