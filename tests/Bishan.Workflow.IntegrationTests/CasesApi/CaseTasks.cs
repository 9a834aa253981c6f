using System.Text.Json.Nodes;
using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// Finds the open task row of a case's workflow bookmark. The workflow bridge creates these rows from
/// <c>Bishan.UserTask</c> bookmarks; where it has not run (or does not exist in this build) the row is made here from the
/// bookmark's payload the same way, so the API facts do not depend on the bridge.
/// </summary>
internal static class CaseTasks
{
    public static async Task<WorkTask> OpenTaskAsync(this BishanWebFactory factory, string caseId, string instanceId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ICasesDbContext>();
        var existing = await db.WorkTasks.AsNoTracking()
            .FirstOrDefaultAsync(t => t.CaseId == caseId && t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open);
        if (existing is not null) return existing;

        var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowInstanceQueries>().GetAsync(instanceId);
        var bookmark = Assert.Single(instance!.Bookmarks, b => b.Name == UserTaskActivity.TaskBookmark);
        var payload = UserTaskPayload.FromJson(bookmark.Payload!);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        var task = new WorkTask
        {
            Id = bookmark.Id,
            BookmarkId = bookmark.Id,
            InstanceId = instanceId,
            NodeId = bookmark.NodeId,
            CaseId = caseId,
            Kind = payload.Kind,
            Title = payload.Title,
            Description = payload.Description,
            FormJson = new JsonArray(payload.Form.Select(f => (JsonNode?)f.ToJson()).ToArray()).ToJsonString(),
            OutcomesJson = new JsonArray(payload.Outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()).ToJsonString(),
            AssigneeRule = payload.Assignee,
            AssigneeUserId = @case.CaseworkerUserId,
            OrgUnitId = @case.OrgUnitId,
            Status = WorkTaskStatus.Open,
            DueAtUtc = payload.DueAtUtc,
            CreatedAtUtc = DateTime.UtcNow,
        };
        db.WorkTasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }
}
