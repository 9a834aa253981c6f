using System.Net;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Organisation;

/// <summary>
/// Issue 11 point 2: 跟踪问效. The leader walks the four-level tree (leading group → area → school → helper team) to the unit
/// with an overdue task and drills down to it; supervisors see their own unit only; caseworkers are refused.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class ResponsibilityFacts(BishanWebFactory factory)
{
    private static JsonObject Child(JsonObject node, string id) =>
        node["children"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!.AsObject();

    [Fact]
    public async Task Leader_WalksTheTreeToTheLateUnit_AndDrillsDownToTheOverdueTask()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        // The case's screening task ran past its due date.
        await factory.QueryAsync(async db =>
        {
            var task = await db.WorkTasks.SingleAsync(t => t.Id == registered.TaskId);
            task.DueAtUtc = DateTime.UtcNow.AddDays(-3);
            return await db.SaveChangesAsync();
        });

        var leader = await factory.ClientAsync(Leader);
        var root = await (await leader.GetAsync("/api/responsibility/tree")).ReadOkAsync();
        Assert.Equal("district", root["id"]!.GetValue<string>());
        Assert.Equal(15, root["children"]!.AsArray().Count(c => c!["kind"]!.GetValue<string>() == "TownStreet"));
        Assert.Contains(root["children"]!.AsArray(), c => c!["kind"]!.GetValue<string>() == "Department");
        var area = Child(root, AreaA);
        Assert.True(area["figures"]!["overdueTasks"]!.GetValue<int>() >= 1);
        var school = Child(area, SchoolA);
        Assert.True(school["figures"]!["overdueTasks"]!.GetValue<int>() >= 1);
        Assert.True(school["figures"]!["cases"]!.GetValue<int>() >= 1);

        var view = await (await leader.GetAsync($"/api/responsibility/units/{SchoolA}")).ReadOkAsync();
        var item = view["overdueTasks"]!.AsArray().Single(t => t!["taskId"]!.GetValue<string>() == registered.TaskId)!;
        Assert.True(item["daysOverdue"]!.GetValue<int>() >= 2);
        Assert.Equal(8, view["trend"]!.AsArray().Count);
        Assert.True(view["trend"]!.AsArray()[^1]!["overdue"]!.GetValue<int>() >= 1);

        // The weekly digest (the Hangfire job's work): the late unit's supervisors and 区督查办 are told, once a week.
        using (var scope = factory.Services.CreateScope())
        {
            var digest = scope.ServiceProvider.GetRequiredService<Bishan.Workflow.Cases.Responsibility.OverdueDigest>();
            await digest.RunAsync(CancellationToken.None);
            Assert.Equal(0, await digest.RunAsync(CancellationToken.None));
        }
        var supervisorId = await factory.UserIdAsync(SupervisorAreaA);
        var inspectorId = await factory.UserIdAsync(Inspector);
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == supervisorId && n.Title.StartsWith("本周逾期事项提醒"))));
        Assert.True(await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == inspectorId && n.Title.StartsWith("本周逾期事项提醒")
            && n.Message.Contains("璧城片区教育管理中心"))));
        Assert.DoesNotContain(registered.Name,
            view.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisors_ReadTheirOwnUnitOnly_AndCaseworkersAreRefused()
    {
        var own = await factory.ClientAsync(SupervisorAreaA);
        var tree = await (await own.GetAsync("/api/responsibility/tree")).ReadOkAsync();
        Assert.Equal(AreaA, tree["id"]!.GetValue<string>());
        await (await own.GetAsync($"/api/responsibility/units/{SchoolA}")).ReadOkAsync();
        await (await own.GetAsync($"/api/responsibility/units/{AreaB}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(CaseworkerA)).GetAsync("/api/responsibility/tree")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.ClientAsync(Inspector)).GetAsync($"/api/responsibility/units/{AreaB}")).ReadOkAsync();
        await (await own.GetAsync("/api/responsibility/units/no-such-unit")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
