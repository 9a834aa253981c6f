using System.Net.Http.Json;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Bishan.Workflow.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Startup;

/// <summary>
/// The demo users written in one save at start-up (issue 15) are complete Identity accounts: they sign in, carry their
/// role, org unit, a security stamp and lockout; a second run puts a changed one back and adds nothing.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class DemoUserSeedingFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task EveryDemoUser_ExistsOnce_WithItsRoleOrgUnitStampAndLockout_AndSignsIn()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync();
        var names = DemoUsers.All.Select(d => d.UserName).ToList();
        var stored = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new
            {
                u.UserName,
                u.NormalizedUserName,
                u.OrgUnitId,
                u.DisplayName,
                u.SecurityStamp,
                u.LockoutEnabled,
                u.PasswordHash,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync();

        Assert.Equal(DemoUsers.All.Count, stored.Count);
        foreach (var demo in DemoUsers.All)
        {
            var user = Assert.Single(stored, u => u.UserName == demo.UserName);
            Assert.Equal(demo.UserName.ToUpperInvariant(), user.NormalizedUserName);
            Assert.Equal(demo.OrgUnitId, user.OrgUnitId);
            Assert.Equal(demo.DisplayName, user.DisplayName);
            Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
            Assert.True(user.LockoutEnabled);
            Assert.False(string.IsNullOrEmpty(user.PasswordHash));
            Assert.Contains(demo.Role, user.Roles);
        }

        foreach (var userName in new[] { "caseworker", "supervisor-dalu" })
        {
            var client = factory.CreateClient();
            var login = await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = BishanWebFactory.AdminPassword })).ReadOkAsync();
            Assert.False(string.IsNullOrEmpty(login["accessToken"]?.GetValue<string>()));
        }
    }

    [Fact]
    public async Task SeedingAgain_PutsBackAChangedDemoUser_AndAddsNothing()
    {
        var factoryOfContexts = factory.Services.GetRequiredService<IDbContextFactory<BishanDbContext>>();
        var demo = DemoUsers.All.Single(d => d.UserName == "caseworker2");
        string hashBefore;
        int usersBefore, membershipsBefore;
        await using (var db = await factoryOfContexts.CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == demo.UserName);
            hashBefore = user.PasswordHash!;
            user.OrgUnitId = "school-bishan-middle";
            await db.SaveChangesAsync();
            await db.UserRoles.Where(ur => ur.UserId == user.Id).ExecuteDeleteAsync();
            usersBefore = await db.Users.CountAsync();
            membershipsBefore = await db.UserRoles.CountAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoUserSeeder>().SeedAsync(CancellationToken.None);

        await using (var db = await factoryOfContexts.CreateDbContextAsync())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == demo.UserName);
            Assert.Equal(demo.OrgUnitId, user.OrgUnitId);
            Assert.Equal(hashBefore, user.PasswordHash);
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([demo.Role], roles);
            Assert.Equal(usersBefore, await db.Users.CountAsync());
            Assert.Equal(membershipsBefore + 1, await db.UserRoles.CountAsync());
        }
        var client = factory.CreateClient();
        await (await client.PostAsJsonAsync("/api/auth/login", new { userName = demo.UserName, password = BishanWebFactory.AdminPassword })).ReadOkAsync();
    }
}
