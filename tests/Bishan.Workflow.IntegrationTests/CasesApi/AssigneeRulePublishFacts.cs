using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.IntegrationTests.Cases;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.Infrastructure.TestWorkflows;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>Publishing a definition whose assignee rule nobody can resolve fails with the error on the activity, as the designer lists it.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class AssigneeRulePublishFacts(BishanWebFactory factory)
{
    /// <summary>The shipped subsidy approval under a new id, with the approver rule replaced.</summary>
    private static string SubsidyApprovalWithApprover(string definitionId, string approver)
    {
        var doc = JsonNode.Parse(File.ReadAllText(CasesHost.WorkflowFile("subsidy-approval")))!.AsObject();
        doc["id"] = definitionId + "-v1";
        doc["definitionId"] = definitionId;
        var approval = doc["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "approve-subsidy")!;
        approval["approver"]!["expression"]!["value"] = approver;
        return doc.ToJsonString();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string json, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-definitions/import")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Publish_Returns400WithTheErrorOnTheApproval_WhenTheApproverNamesAnUnknownOrgUnit()
    {
        var client = await factory.CreateAdminClientAsync();
        var id = NewId("bad-approver");

        var problem = await (await ImportAsync(client, SubsidyApprovalWithApprover(id, "role:Supervisor@area-nowhere"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("approve-subsidy", error["activityId"]!.GetValue<string>());
        Assert.Contains("组织机构“area-nowhere”不存在", error["message"]!.GetValue<string>());
        await (await client.GetAsync($"/api/workflow-definitions/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("supervisor:area-bicheng", "is not an assignee rule")]
    [InlineData("role:Boss@district", "the role “Boss”, which does not exist")]
    public async Task Publish_SpeaksEnglish_WhenAskedTo(string approver, string expected)
    {
        var client = await factory.CreateAdminClientAsync();

        var problem = await (await ImportAsync(client, SubsidyApprovalWithApprover(NewId("bad-approver"), approver), "en"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("approve-subsidy", error["activityId"]!.GetValue<string>());
        Assert.Contains(expected, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_Succeeds_WhenTheRuleNamesAKnownRoleAndUnit()
    {
        var client = await factory.CreateAdminClientAsync();

        var imported = await (await ImportAsync(client, SubsidyApprovalWithApprover(NewId("good-approver"), "role:Supervisor@task-force"))).ReadOkAsync();

        Assert.True(imported["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public void TheValidatorTheDesignerInjects_ChecksAssigneeRulesToo()
    {
        var validator = factory.Services.GetRequiredService<WorkflowValidator>();
        var definition = WorkflowJsonReader.Parse(SubsidyApprovalWithApprover(NewId("designer"), "caseworker")).Definition!;

        var error = Assert.Single(validator.Validate(definition));

        Assert.Equal("approve-subsidy", error.ActivityId);
    }
}
