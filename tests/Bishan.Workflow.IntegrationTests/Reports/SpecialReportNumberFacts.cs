using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Reports;

/// <summary>
/// Issue 11: 专报 drafted and signed at the same moment. Every draft gets a number of its own (〔YYYY〕第N期, no gaps, no
/// twice), one meeting gets one report however many drafts race for it, and of two sign-offs of one report one wins and the
/// other is told why (409), never a 500.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SpecialReportNumberFacts(BishanWebFactory factory)
{
    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());

    [Fact]
    public async Task TenDraftsAtOnce_FromTwoSecretaries_EachGetADistinctConsecutiveNumber()
    {
        await factory.EnsureReportUsersAsync();
        var first = await factory.ClientAsync(Secretary);
        var second = await factory.ClientAsync(ReportWorld.OtherSecretary);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
            await ReadAsync(await (i % 2 == 0 ? first : second).PostAsJsonAsync("/api/reports", new { title = $"并发专报{i}" }))));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body.ToJsonString()}"));
        var numbers = answers.Select(a => a.Body["numberText"]!.GetValue<string>()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        // Consecutive: the numbers taken by this burst form one unbroken run.
        var ordinals = numbers.Select(n => int.Parse(n[(n.IndexOf('第', StringComparison.Ordinal) + 1)..n.IndexOf('期', StringComparison.Ordinal)],
            System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(ordinals[0], 10), ordinals);
    }

    [Fact]
    public async Task TwoDraftsForOneMeetingAtOnce_OneReport_TheOtherIs409NamingIt()
    {
        await factory.EnsureReportUsersAsync();
        var (meetingId, topic) = await factory.HeldMeetingAsync();
        var first = await factory.ClientAsync(Secretary);
        var second = await factory.ClientAsync(ReportWorld.OtherSecretary);

        var answers = await Task.WhenAll(new[] { first, second }.Select(async c =>
            await ReadAsync(await c.PostAsJsonAsync("/api/reports", new { meetingId }))));

        var made = Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Contains(topic, refused.Body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(made.Body["numberText"]!.GetValue<string>(), refused.Body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSignOffsAtOnce_OneSigns_TheOtherIs409()
    {
        await factory.EnsureReportUsersAsync();
        var draft = await factory.DraftAsync(Secretary, title: "并发签发专报");
        var id = draft["id"]!.GetValue<string>();
        await (await (await factory.ClientAsync(Secretary)).PostAsync($"/api/reports/{id}/submit", null)).ReadOkAsync();
        var head = await factory.ClientAsync(SupervisorTaskForce);
        var again = await factory.ClientAsync(SupervisorTaskForce);

        var answers = await Task.WhenAll(new[] { head, again }.Select(async c =>
            await ReadAsync(await c.PostAsJsonAsync($"/api/reports/{id}/sign-off", new { decision = "Sign" }))));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Contains(draft["numberText"]!.GetValue<string>(), refused.Body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
