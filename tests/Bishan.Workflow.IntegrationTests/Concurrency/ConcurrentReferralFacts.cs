using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Concurrency;

/// <summary>Many referrals at the same moment, through the web app, on whichever provider the run selected.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ConcurrentReferralFacts(BishanWebFactory factory)
{
    // A birth date no other fact uses: the synthetic ID numbers of this burst cannot collide with theirs (a duplicate
    // would rightly answer 409 and hide what this fact is about).
    private const string BurstDateOfBirth = "2013-11-27";

    [Fact]
    public async Task Referrals_All201WithDistinctFileNumbers_WhenPostedAtTheSameMoment()
    {
        // SQLite has one writer at a time, so its burst is smaller; PostgreSQL takes a school's worth of referrals at once.
        var count = factory.Database.IsPostgreSql ? 100 : 40;
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var referrals = Enumerable.Range(0, count)
            .Select(i => NewReferral(SchoolA, dateOfBirth: BurstDateOfBirth, gender: i % 2 == 0 ? "Male" : "Female"))
            .ToList();

        var responses = await Task.WhenAll(referrals.Select(r => caseworker.PostAsJsonAsync("/api/referrals", r)));

        var refused = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            refused.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.True(refused.Count == 0, $"{refused.Count} of {count} referrals were not created; first ones:\n{string.Join("\n", refused.Take(3))}");

        // The file number each caseworker reads on the case file: one per referral, none shared.
        var fileNumbers = new List<string>();
        foreach (var response in responses)
        {
            var caseId = (await response.ReadOkAsync())["caseId"]!.GetValue<string>();
            var file = await (await caseworker.GetAsync($"/api/cases/{caseId}")).ReadOkAsync();
            fileNumbers.Add(file["profile"]!["fileNumber"]!.GetValue<string>());
        }
        Assert.All(fileNumbers, n => Assert.Matches(@"^BS-\d{4}-\d{4}$", n));
        Assert.Equal(count, fileNumbers.Distinct(StringComparer.Ordinal).Count());
    }
}
