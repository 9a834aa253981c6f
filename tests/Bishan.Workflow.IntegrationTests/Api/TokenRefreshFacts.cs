using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Api;

[Collection(AppCollectionDefinition.Name)]
public sealed class TokenRefreshFacts(BishanWebFactory factory)
{
    private const string Password = "Refresh#2026test";

    [Fact]
    public async Task Refresh_GivesAWorkingAccessToken_ForTheRefreshTokenFromLogin()
    {
        var client = factory.CreateClient();
        var login = await LoginAsync(client, "admin", BishanWebFactory.AdminPassword);

        var refreshed = await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() })).ReadOkAsync();
        var accessToken = refreshed["accessToken"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(refreshed["refreshToken"]?.GetValue<string>()));
        Assert.Equal("Bearer", refreshed["tokenType"]?.GetValue<string>());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks?scope=mine")).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task Refresh_Returns401Problem_ForGarbage(string token)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_Returns401Problem_ForAnAccessTokenOrATamperedRefreshToken()
    {
        var client = factory.CreateClient();
        var login = await LoginAsync(client, "admin", BishanWebFactory.AdminPassword);
        var refreshToken = login["refreshToken"]!.GetValue<string>();
        // One character changed in the middle of the protected payload: its authentication tag no longer matches.
        var middle = refreshToken.Length / 2;
        var tampered = refreshToken[..middle] + (refreshToken[middle] == 'A' ? 'B' : 'A') + refreshToken[(middle + 1)..];

        foreach (var token in new[] { tampered, login["accessToken"]!.GetValue<string>() })
        {
            var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });
            await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Refresh_Returns401Problem_AfterTheSecurityStampChanged()
    {
        var user = await EnsureUserAsync("refresh-stamp");
        var client = factory.CreateClient();
        var login = await LoginAsync(client, user.UserName!, Password);

        await WithUsersAsync(async users => Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!)).Succeeded));

        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_Returns401Problem_WhenTheAccountIsLockedOut()
    {
        var user = await EnsureUserAsync("refresh-locked");
        var client = factory.CreateClient();
        var login = await LoginAsync(client, user.UserName!, Password);

        await WithUsersAsync(async users =>
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddHours(1))).Succeeded));

        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_AnswersTheSame_ForWrongPasswordLockedOutAndUnknownUser()
    {
        await EnsureUserAsync("signin-wrong");
        var locked = await EnsureUserAsync("signin-locked");
        await WithUsersAsync(async users =>
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddHours(1))).Succeeded));
        var client = factory.CreateClient();

        var wrongPassword = await FailedLoginAsync(client, "signin-wrong", "wrong");
        var lockedOutRightPassword = await FailedLoginAsync(client, "signin-locked", Password);
        var lockedOutWrongPassword = await FailedLoginAsync(client, "signin-locked", "wrong");
        var unknownUser = await FailedLoginAsync(client, "nobody-" + Guid.NewGuid().ToString("N"), "wrong");

        Assert.Equal(wrongPassword, lockedOutRightPassword);
        Assert.Equal(wrongPassword, lockedOutWrongPassword);
        Assert.Equal(wrongPassword, unknownUser);
    }

    /// <summary>Status, content type and body of a failed sign-in, without the per-request trace id.</summary>
    private static async Task<string> FailedLoginAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        problem.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {problem.ToJsonString()}";
    }

    private static async Task<JsonObject> LoginAsync(HttpClient client, string userName, string password) =>
        await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).ReadOkAsync();

    private async Task<AppUser> EnsureUserAsync(string userName)
    {
        AppUser? user = null;
        await WithUsersAsync(async users =>
        {
            user = await users.FindByNameAsync(userName);
            if (user is not null) return;
            user = new AppUser { UserName = userName, DisplayName = userName };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        });
        return user!;
    }

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}
