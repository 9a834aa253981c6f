using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>The date of a help record is a real day of the minor's life: not in the future, not before the minor was born.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class HelpRecordDateFacts(BishanWebFactory factory)
{
    [Theory]
    [InlineData("0001-01-01", "出生日期")]
    [InlineData("2011-12-31", "出生日期")]
    [InlineData("2999-01-01", "不能晚于今天")]
    [InlineData("2026-13-01", "yyyy-MM-dd")]
    public async Task AddHelpRecord_Answers400AtTheDate_WhenTheDateIsNoDayOfTheMinorsLife(string occurredOn, string expected)
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA); // born 2012-03-04
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var response = await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/help-records",
            new { occurredOn, kind = "家访", content = "了解近况。" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["occurredOn"]![0]!.GetValue<string>();
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task AddHelpRecord_RecordsToday_WhenNoDateIsGiven()
    {
        var c = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var caseworker = await factory.ClientAsync(CaseworkerA);

        var response = await caseworker.PostAsJsonAsync($"/api/cases/{c.CaseId}/help-records", new { kind = "家访", content = "了解近况。" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
