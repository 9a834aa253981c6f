using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The case list reads the caller's scope in parts (their unit; their own cases as caseworker, wherever those are) and
/// merges the first cases of each (issue 15): paging through a mixed scope shows every case in scope once, newest first,
/// none outside it, with the scope's total on every page, with and without a filter; the total follows a new case at once.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class CaseListPartsFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task CaseList_PagesThroughUnitAndOwnCasesElsewhere_EachOnceNewestFirst_WithTheTotal()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var me = await factory.UserIdAsync(CaseworkerA);
        var other = await factory.UserIdAsync(CaseworkerB);
        // Newer than anything else in the shared database; interleaved: a colleague's case at my school, my case at another
        // school, my case at my school, a case at another school that is not mine (out of scope).
        var at = DateTime.UtcNow.AddYears(6);
        var inScope = new List<string>();
        var outOfScope = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var status = i % 3 == 0 ? CaseStatus.Screening : CaseStatus.Registered;
            var (unit, caseworker) = (i % 4) switch
            {
                0 => (SchoolA, other),
                1 => (SchoolB, me),
                2 => (SchoolA, me),
                _ => (SchoolB, other),
            };
            var id = await AddCaseAsync(at.AddMinutes(-i), unit, caseworker, status);
            (i % 4 == 3 ? outOfScope : inScope).Add(id);
        }

        foreach (var filter in new[] { "", "&status=Screening" })
        {
            var expected = await factory.QueryAsync(db => db.Cases
                .Where(c => (c.OrgUnitId == SchoolA || c.CaseworkerUserId == me) && (filter == "" || c.Status == CaseStatus.Screening))
                .Select(c => new { c.Id, c.CreatedAtUtc }).ToListAsync());
            var seen = new List<(string Id, DateTime CreatedAtUtc)>();
            for (var skip = 0; ; skip += 3)
            {
                var page = await (await client.GetAsync($"/api/cases?skip={skip}&take=3{filter}")).ReadOkAsync();
                Assert.Equal(expected.Count, page["total"]!.GetValue<int>());
                var items = page["items"]!.AsArray();
                seen.AddRange(items.Select(i => (i!["id"]!.GetValue<string>(), i["createdAtUtc"]!.GetValue<DateTime>().ToUniversalTime())));
                if (items.Count < 3) break;
            }

            Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), seen.Select(s => s.Id).Order(StringComparer.Ordinal));
            for (var i = 1; i < seen.Count; i++) Assert.True(seen[i - 1].CreatedAtUtc >= seen[i].CreatedAtUtc, $"newest first at {i}");
            var wanted = filter == "" ? inScope : inScope.Where((_, k) => IsScreening(k)).ToList();
            Assert.Equal(wanted, seen.Select(s => s.Id).Where(inScope.Contains).ToList());
            Assert.DoesNotContain(seen, s => outOfScope.Contains(s.Id));
        }

        // The total is kept between requests, and follows a new case in scope at once.
        var before = (await (await client.GetAsync("/api/cases?take=1")).ReadOkAsync())["total"]!.GetValue<int>();
        var added = await AddCaseAsync(at.AddMinutes(1), SchoolB, me, CaseStatus.Referred);
        var after = await (await client.GetAsync("/api/cases?take=1")).ReadOkAsync();
        Assert.Equal(before + 1, after["total"]!.GetValue<int>());
        Assert.Equal(added, after["items"]![0]!["id"]!.GetValue<string>());
    }

    /// <summary>The k-th case in scope was added at i = k / 3 * 4 + k % 3 (every fourth is out of scope), Screening when i % 3 == 0.</summary>
    private static bool IsScreening(int k)
    {
        var i = (k / 3 * 4) + (k % 3);
        return i % 3 == 0;
    }

    private static int _n;

    private async Task<string> AddCaseAsync(DateTime createdAtUtc, string orgUnitId, string caseworkerUserId, CaseStatus status)
    {
        var id = Guid.NewGuid().ToString("N");
        var n = Interlocked.Increment(ref _n);
        await factory.QueryAsync(async db =>
        {
            db.Cases.Add(new Case
            {
                Id = id, FileNumber = "LP-" + id[..12], Name = "分部" + n.ToString(CultureInfo.InvariantCulture), Gender = Gender.Female,
                DateOfBirth = new DateOnly(2012, 5, 6), OrgUnitId = orgUnitId, AreaId = orgUnitId == SchoolA ? AreaA : AreaB,
                Status = status, CaseworkerUserId = caseworkerUserId, CreatedAtUtc = createdAtUtc, UpdatedAtUtc = createdAtUtc,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
