using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.LifeTests;

/// <summary>The fake-clock harness itself: shipped cron triggers fire when the clock passes them.</summary>
public sealed class FakeClockFacts : IClassFixture<LifeFactory>
{
    private readonly LifeFactory _app;

    public FakeClockFacts(LifeFactory app) => _app = app;

    [Fact]
    public async Task AdvanceAsync_StartsWeeklyConsultation_WhenItsCronOccurrencePasses()
    {
        var trigger = Assert.Single(_app.Scheduler.Triggers["weekly-consultation"]);
        Assert.Equal(TriggerKind.Cron, trigger.Kind);
        var admin = await _app.LoginAsync("admin");
        var before = await CountAsync(admin);

        await _app.Scheduler.AdvanceAsync(TimeSpan.FromDays(7));

        admin = await _app.LoginAsync("admin");
        Assert.Equal(before + 1, await CountAsync(admin));
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/workflow-instances?definitionId=weekly-consultation"))!.Count;
}
