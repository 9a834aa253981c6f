using System.Globalization;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>The case list's search box (<c>q</c>): the same answers on SQLite and on PostgreSQL.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class CaseSearchFacts(BishanWebFactory factory)
{
    // A birth date of its own, so the ID number picked here never collides with another fact's referrals.
    private static readonly DateOnly DateOfBirth = new(2010, 8, 19);

    [Fact]
    public async Task Search_FindsTheCase_ByFileNumberAndByIdNumberTailInEitherLetterCase()
    {
        // An ID number whose check character is the letter X, the one place where an ID number has a letter case:
        // people type the last four as "009x" as often as "009X".
        var idNumber = Enumerable.Range(0, 500).Select(i => IdNumberFor(DateOfBirth, male: true, i)).First(n => n.EndsWith('X'));
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, _) = await caseworker.ReferAsync(NewReferral(SchoolA, idNumber: idNumber,
            dateOfBirth: DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var fileNumber = (await (await caseworker.GetAsync($"/api/cases/{caseId}")).ReadOkAsync())["profile"]!["fileNumber"]!.GetValue<string>();

        var missed = new List<string>();
        foreach (var q in new[] { fileNumber, idNumber[^4..], idNumber[^4..].ToLowerInvariant() })
        {
            var found = await (await caseworker.GetAsync($"/api/cases?q={Uri.EscapeDataString(q)}&take=500")).ReadOkAsync();
            if (!found["items"]!.AsArray().Any(c => c!["id"]!.GetValue<string>() == caseId)) missed.Add(q);
        }
        Assert.True(missed.Count == 0, $"The case was not found by: {string.Join(", ", missed)}");
    }
}
