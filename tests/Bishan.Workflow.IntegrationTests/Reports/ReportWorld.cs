using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.CasesApi;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Reports;

/// <summary>
/// What the special-report facts add to <see cref="CasesWorld"/> (which has the 区督查办 user <see cref="CasesWorld.Inspector"/>):
/// a second secretary, and a held meeting to report on.
/// </summary>
internal static class ReportWorld
{
    public static readonly TestUser OtherSecretary = new("it-secretary-2", Roles.Secretary, "task-force");

    public static async Task EnsureReportUsersAsync(this BishanWebFactory factory)
    {
        await CasesWorld.EnsureAsync(factory);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var person in new[] { OtherSecretary })
        {
            if (!await roles.RoleExistsAsync(person.Role)) Assert.True((await roles.CreateAsync(new IdentityRole(person.Role))).Succeeded);
            var user = await users.FindByNameAsync(person.UserName);
            if (user is null)
            {
                user = new AppUser { UserName = person.UserName, DisplayName = person.UserName, OrgUnitId = person.OrgUnitId };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            }
            if (!await users.IsInRoleAsync(user, person.Role)) Assert.True((await users.AddToRoleAsync(user, person.Role)).Succeeded);
        }
    }

    /// <summary>A special meeting called and held now (minutes, one decision about a registered case): returns its id and topic.</summary>
    public static async Task<(string MeetingId, string Topic)> HeldMeetingAsync(this BishanWebFactory factory)
    {
        var secretary = await factory.ClientAsync(Secretary);
        var topic = $"未成年人心理健康专题会{Guid.NewGuid():N}"[..16];
        var tomorrow = Bishan.Workflow.Cases.Time.DistrictCalendar.Today(TimeProvider.System).AddDays(1)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:00:00+08:00";
        var called = await (await secretary.PostAsJsonAsync("/api/meetings",
            new { topic, scheduledAt = tomorrow, place = "区教委三楼会议室", fileNumbers = Array.Empty<string>() })).ReadOkAsync();
        var id = called["meetingId"]!.GetValue<string>();
        var me = await factory.UserIdAsync(Secretary);
        await (await secretary.PostAsJsonAsync($"/api/meetings/{id}/minutes", new
        {
            minutes = "研究心理危机个案的干预方案，部署开学季排查。", attendeeUserIds = new[] { me },
            decisions = new[] { new { fileNumber = (string?)null, text = "各校开展一次心理健康排查。" } },
        })).ReadOkAsync();
        return (id, topic);
    }

    public static async Task<JsonObject> DraftAsync(this BishanWebFactory factory, TestUser by, string? meetingId = null, string? title = null)
    {
        var client = await factory.ClientAsync(by);
        return await (await client.PostAsJsonAsync("/api/reports", new { meetingId, title })).ReadOkAsync();
    }
}
