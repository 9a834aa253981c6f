using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The inbox's "mine" reads three parts (claimed by me; assigned to me and unclaimed; completed by me) and merges them
/// (issue 15): each task once, newest first across pages, with the right total; a task assigned to me but claimed by
/// someone else is theirs.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class InboxMineFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Mine_ListsClaimedAssignedAndCompletedTasksOnce_NewestFirstAcrossPages()
    {
        var client = await factory.ClientAsync(SupervisorCivil);
        var me = await factory.UserIdAsync(SupervisorCivil);
        var other = await factory.UserIdAsync(CaseworkerB);
        var openBefore = await TotalAsync(client, "open");
        var doneBefore = await TotalAsync(client, "done");
        // Newer than anything else in the shared database, so they are the first page.
        var at = DateTime.UtcNow.AddYears(5);
        var claimedByMe = await AddAsync(at.AddSeconds(1), assignee: other, claimer: me);
        var assignedToMe = await AddAsync(at.AddSeconds(2), assignee: me);
        await AddAsync(at.AddSeconds(3), assignee: me, claimer: other);
        var completedByMe = await AddAsync(at.AddSeconds(4), assignee: other, claimer: other, completer: me);
        var assignedAndClaimedByMe = await AddAsync(at.AddSeconds(5), assignee: me, claimer: me);
        var claimedAndCompletedByMe = await AddAsync(at.AddSeconds(6), claimer: me, completer: me);

        var first = await PageAsync(client, "open", 0, 2);
        var second = await PageAsync(client, "open", 2, 2);
        Assert.Equal(openBefore + 3, first["total"]!.GetValue<int>());
        Assert.Equal([assignedAndClaimedByMe, assignedToMe], Ids(first));
        Assert.Equal(claimedByMe, Ids(second)[0]);

        var done = await PageAsync(client, "done", 0, 2);
        Assert.Equal(doneBefore + 2, done["total"]!.GetValue<int>());
        Assert.Equal([claimedAndCompletedByMe, completedByMe], Ids(done));
    }

    private static async Task<int> TotalAsync(HttpClient client, string status) => (await PageAsync(client, status, 0, 1))["total"]!.GetValue<int>();

    private static async Task<JsonNode> PageAsync(HttpClient client, string status, int skip, int take) =>
        await (await client.GetAsync($"/api/tasks?scope=mine&status={status}&skip={skip}&take={take}")).ReadOkAsync();

    private static List<string> Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];

    private async Task<string> AddAsync(DateTime createdAtUtc, string? assignee = null, string? claimer = null, string? completer = null)
    {
        var id = Guid.NewGuid().ToString("N");
        await factory.QueryAsync(async db =>
        {
            db.WorkTasks.Add(new WorkTask
            {
                Id = id, Kind = WorkTaskKinds.Task, Title = "跟进帮扶", AssigneeRule = "user", AssigneeUserId = assignee,
                ClaimedByUserId = claimer, CompletedByUserId = completer, OrgUnitId = SchoolB, CreatedAtUtc = createdAtUtc,
                Status = completer is null ? WorkTaskStatus.Open : WorkTaskStatus.Completed,
                CompletedAtUtc = completer is null ? null : createdAtUtc,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
