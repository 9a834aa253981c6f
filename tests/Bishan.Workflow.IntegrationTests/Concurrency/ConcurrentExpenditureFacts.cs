using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.CasesApi;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Concurrency;

/// <summary>Expenditures racing for one budget line, on whichever provider the run selected.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ConcurrentExpenditureFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Expenditures_ExactlyThoseThatFitAreRecorded_WhenTwentyRaceForOneLine()
    {
        // 20 requests of 150 against 1,000: six fit (900), fourteen must be refused, 100 stays on the line.
        const decimal amount = 150m;
        const int requests = 20;
        const int fit = 6;
        var lineId = await factory.NewBudgetLineAsync(1000m);
        var supervisor = await factory.ClientAsync(SupervisorTaskForce);

        var responses = await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            supervisor.PostAsJsonAsync("/api/funding/expenditures", new { budgetLineId = lineId, amount, purpose = $"并发支出 {i}" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        var unexpected = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        Assert.True(unexpected is null, unexpected is null ? "" : $"{(int)unexpected.StatusCode}: {await unexpected.Content.ReadAsStringAsync()}");
        Assert.Equal(fit, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(requests - fit, statuses.Count(s => s == HttpStatusCode.Conflict));

        // What the supervisor reads afterwards: the line's expenditures add up to the six that fitted, and 100 remains.
        var list = await (await supervisor.GetAsync($"/api/funding/expenditures?budgetLineId={lineId}&take=100")).ReadOkAsync();
        var spent = list["items"]!.AsArray().Sum(e => e!["amount"]!.GetValue<decimal>());
        Assert.Equal(fit * amount, spent);
        var lines = await supervisor.GetFromJsonAsync<JsonArray>("/api/funding/budget-lines?year=2026");
        Assert.Equal(1000m - fit * amount, lines!.Single(l => l!["id"]!.GetValue<long>() == lineId)!["remaining"]!.GetValue<decimal>());
    }
}
