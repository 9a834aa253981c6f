using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.SignIn;

/// <summary>Only an administrator locks an account, on purpose, and it is audited.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class AdminLockFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Lock_RefusesSignInAndRefresh_AsAWrongPasswordWould_UntilUnlocked()
    {
        var user = await SignInUsers.CreateAsync(factory, "locked");
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password = SignInUsers.Password })).ReadOkAsync();

        var locked = await (await admin.PostAsync($"/api/admin/users/{user.Id}/lock", null)).ReadOkAsync();
        Assert.True(locked["locked"]!.GetValue<bool>());

        var refused = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password = SignInUsers.Password }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);
        var wrong = await (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password = "wrong" }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(wrong["detail"]!.GetValue<string>(), refused["detail"]!.GetValue<string>());
        await (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() }))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);

        await (await admin.PostAsync($"/api/admin/users/{user.Id}/unlock", null)).ReadOkAsync();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password = SignInUsers.Password })).ReadOkAsync();

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == user.Id)
            .OrderBy(a => a.Id).Select(a => a.Action + " by " + a.UserName).ToListAsync();
        Assert.Equal(["user.lock by admin", "user.unlock by admin"], actions);
    }

    [Fact]
    public async Task Lock_Returns403ForANonAdministrator_And404ForAnUnknownUser()
    {
        var user = await SignInUsers.CreateAsync(factory, "not-admin");
        var client = await factory.CreateClientAsync(user.UserName!, SignInUsers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/users/{user.Id}/lock", null)).StatusCode);

        var admin = await factory.CreateAdminClientAsync();
        await (await admin.PostAsync("/api/admin/users/no-such-user/lock", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
