using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The first pages of the inbox and the case list are kept while no case or task changes (issue 15, round four), and a
/// write is seen at once: a task claimed by someone else (written straight to the database, as another node would) leaves
/// my inbox on the next request, a new one appears, and its overdue mark is worked out per request; a case renamed shows
/// its new name on the next request, its ID number still masked. Their rows are dated years ahead, to be the first
/// page, and removed afterwards.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class KeptPagesFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Inbox_KeptPage_FollowsEveryWriteAtOnce()
    {
        var client = await factory.ClientAsync(SupervisorHealth);
        var me = await factory.UserIdAsync(SupervisorHealth);
        var other = await factory.UserIdAsync(CaseworkerB);
        // Newer than anything else in the shared database, so they are the first page.
        var at = DateTime.UtcNow.AddYears(7);
        var older = await AddTaskAsync(at, me, DateTime.UtcNow.AddDays(3));
        var newer = await AddTaskAsync(at.AddSeconds(1), me, DateTime.UtcNow.AddDays(-1));
        try
        {
            var first = await InboxAsync(client);
            Assert.Equal([newer, older], Ids(first));
            var total = first["total"]!.GetValue<int>();
            Assert.Equal(first.ToJsonString(), (await InboxAsync(client)).ToJsonString());
            Assert.True(first["items"]![0]!["overdue"]!.GetValue<bool>());
            Assert.False(first["items"]![1]!["overdue"]!.GetValue<bool>());

            // Claimed by a colleague: no longer mine, at once.
            await factory.QueryAsync(async db =>
            {
                var task = await db.WorkTasks.SingleAsync(t => t.Id == newer);
                task.ClaimedByUserId = other;
                return await db.SaveChangesAsync();
            });
            var afterClaim = await InboxAsync(client);
            Assert.Equal(older, Ids(afterClaim)[0]);
            Assert.Equal(total - 1, afterClaim["total"]!.GetValue<int>());

            // A new task of mine: on top, at once.
            var added = await AddTaskAsync(at.AddSeconds(2), me, null);
            var afterAdd = await InboxAsync(client);
            Assert.Equal([added, older], Ids(afterAdd));
            Assert.Equal(total, afterAdd["total"]!.GetValue<int>());
        }
        finally
        {
            // Dated years ahead so that they are the first page: removed, not to head other facts' lists.
            await factory.QueryAsync(async db =>
            {
                db.WorkTasks.RemoveRange(await db.WorkTasks.Where(t => _added.Contains(t.Id)).ToListAsync());
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task CaseList_KeptPage_FollowsARenameAtOnce_IdNumberMasked()
    {
        var client = await factory.ClientAsync(CaseworkerA2);
        var id = Guid.NewGuid().ToString("N");
        var at = DateTime.UtcNow.AddYears(7);
        await factory.QueryAsync(async db =>
        {
            db.Cases.Add(new Case
            {
                Id = id, FileNumber = "KP-" + id[..12], Name = "保留一", Gender = Gender.Male, DateOfBirth = new DateOnly(2012, 3, 4),
                IdNumber = "500227201203041234", OrgUnitId = SchoolA2, AreaId = AreaA, Status = CaseStatus.Screening,
                CreatedAtUtc = at, UpdatedAtUtc = at,
            });
            return await db.SaveChangesAsync();
        });

        try
        {
            var first = await CasesAsync(client);
            Assert.Equal(id, first["items"]![0]!["id"]!.GetValue<string>());
            Assert.Equal("保留一", first["items"]![0]!["name"]!.GetValue<string>());
            Assert.Equal(first.ToJsonString(), (await CasesAsync(client)).ToJsonString());
            Assert.DoesNotContain("201203041234", first.ToJsonString(), StringComparison.Ordinal);

            await factory.QueryAsync(async db =>
            {
                var @case = await db.Cases.SingleAsync(c => c.Id == id);
                @case.Name = "保留二";
                return await db.SaveChangesAsync();
            });
            var renamed = await CasesAsync(client);
            Assert.Equal("保留二", renamed["items"]![0]!["name"]!.GetValue<string>());
            Assert.Equal(first["total"]!.GetValue<int>(), renamed["total"]!.GetValue<int>());
            Assert.DoesNotContain("201203041234", renamed.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await factory.QueryAsync(async db =>
            {
                db.Cases.Remove(await db.Cases.SingleAsync(c => c.Id == id));
                return await db.SaveChangesAsync();
            });
        }
    }

    private static async Task<JsonNode> InboxAsync(HttpClient client) =>
        await (await client.GetAsync("/api/tasks?scope=mine&status=open&take=2")).ReadOkAsync();

    private static async Task<JsonNode> CasesAsync(HttpClient client) =>
        await (await client.GetAsync("/api/cases?take=3")).ReadOkAsync();

    private static List<string> Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];

    private static int _n;
    private readonly List<string> _added = [];

    private async Task<string> AddTaskAsync(DateTime createdAtUtc, string assignee, DateTime? dueAtUtc)
    {
        var id = Guid.NewGuid().ToString("N");
        var n = Interlocked.Increment(ref _n);
        await factory.QueryAsync(async db =>
        {
            db.WorkTasks.Add(new WorkTask
            {
                Id = id, Kind = WorkTaskKinds.Task, Title = "保留" + n.ToString(CultureInfo.InvariantCulture), AssigneeRule = "user",
                AssigneeUserId = assignee, OrgUnitId = SchoolB, CreatedAtUtc = createdAtUtc, DueAtUtc = dueAtUtc, Status = WorkTaskStatus.Open,
            });
            return await db.SaveChangesAsync();
        });
        _added.Add(id);
        return id;
    }
}
