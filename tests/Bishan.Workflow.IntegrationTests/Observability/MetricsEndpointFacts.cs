using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Bishan.Workflow.IntegrationTests.SignIn;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.Observability;

/// <summary>The Prometheus scrape endpoint: administrators only, and it carries the workflow runtime's own metrics.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class MetricsEndpointFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Metrics_Returns401Anonymous_And403ForANonAdministrator()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/metrics")).StatusCode);

        var user = await SignInUsers.CreateAsync(factory, "metrics-reader");
        var client = await factory.CreateClientAsync(user.UserName!, SignInUsers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_ShowPassesResumesFaultsAndTasks_ToAnAdministrator_AfterAWorkflowRan()
    {
        var client = await factory.CreateAdminClientAsync();
        var eventName = NewId("metrics-go");
        var definitionId = NewId("metrics-fault");
        await client.ImportOkAsync(Sequence(definitionId,
            [Start(), Event("wait1", eventName), Activity("fault1", "Elsa.Fault", ("code", "MetricsProbe"), ("message", "fails on purpose"))]));
        var instanceId = (await client.ExecuteAsync(definitionId))["instanceId"]!.GetValue<string>();
        await (await client.PostAsJsonAsync($"/api/events/{eventName}/trigger", new { instanceId })).ReadOkAsync();
        Assert.Equal("Faulted", (await client.GetInstanceAsync(instanceId))["subStatus"]!.GetValue<string>());

        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains($"bishan_workflow_passes_total{{", text, StringComparison.Ordinal);
        Assert.Contains($"workflow_definition_id=\"{definitionId}\"", text, StringComparison.Ordinal);
        Assert.Contains("bishan_workflow_resume_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("bishan_workflow_instances_faulted_total{", text, StringComparison.Ordinal);
        Assert.Contains("bishan_tasks_open", text, StringComparison.Ordinal);
        Assert.Contains("bishan_tasks_overdue", text, StringComparison.Ordinal);
        // ASP.NET Core's own instrumentation rides along.
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
