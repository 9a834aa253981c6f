using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Bishan.Workflow.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Organisation;

/// <summary>
/// Issue 11 point 5, the gaps found by sending bad input from outside: a sign-off without a decision signed the report
/// (now a field error, the report stays submitted), and a body that is not JSON was answered in English whatever the
/// reader's language.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class AccountabilityBadInputFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task SignOffWithoutADecision_IsAFieldError_AndTheReportStaysUnsigned()
    {
        await factory.EnsureReportUsersAsync();
        var id = (await factory.DraftAsync(Secretary, title: "无决定签发"))["id"]!.GetValue<string>();
        await (await (await factory.ClientAsync(Secretary)).PostAsync($"/api/reports/{id}/submit", null)).ReadOkAsync();
        var head = await factory.ClientAsync(SupervisorTaskForce);

        var chinese = await (await head.PostAsJsonAsync($"/api/reports/{id}/sign-off", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("签发意见必填。", chinese["errors"]!["decision"]![0]!.GetValue<string>());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reports/{id}/sign-off") { Content = JsonContent.Create(new { decision = " " }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await head.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Decision is required.", english["errors"]!["decision"]![0]!.GetValue<string>());

        Assert.Equal("Submitted", await factory.QueryAsync(db => db.SpecialReports.Where(r => r.Id == id).Select(r => r.Status.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task BodyThatIsNotJson_Is400_InTheReadersLanguage_NeverA500()
    {
        var inspector = await factory.ClientAsync(Inspector);
        foreach (var (language, expected) in new[] { ("zh-CN", "无法读取请求内容"), ("en", "The request could not be read") })
        {
            foreach (var body in new[] { "{\"unitId\":5", "{\"unitId\":[\"a\"]}" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/supervision") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.AcceptLanguage.ParseAdd(language);
                var problem = await (await inspector.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
                Assert.StartsWith(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }
    }
}
