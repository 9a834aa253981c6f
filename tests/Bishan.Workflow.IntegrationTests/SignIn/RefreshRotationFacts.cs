using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;

namespace Bishan.Workflow.IntegrationTests.SignIn;

/// <summary>A refresh spends its token; a spent token presented again ends every token of that sign-in; so does sign-out.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class RefreshRotationFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Refresh_GivesANewPair_AndRefusesTheSpentToken()
    {
        var user = await SignInUsers.CreateAsync(factory, "rotate");
        var client = factory.CreateClient();
        var login = await LoginAsync(client, user.UserName!);

        var next = await (await RefreshAsync(client, Refresh(login))).ReadOkAsync();
        Assert.NotEqual(Refresh(login), Refresh(next));
        Assert.NotEqual(login["accessToken"]!.GetValue<string>(), next["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, next, "/api/tasks?scope=mine")).StatusCode);

        await (await RefreshAsync(client, Refresh(login))).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_OfASpentToken_RevokesTheWholeFamily_ButNotAnotherSignIn()
    {
        var user = await SignInUsers.CreateAsync(factory, "reuse");
        var client = factory.CreateClient();
        var first = await LoginAsync(client, user.UserName!);
        var otherSignIn = await LoginAsync(client, user.UserName!);
        var second = await (await RefreshAsync(client, Refresh(first))).ReadOkAsync();
        var third = await (await RefreshAsync(client, Refresh(second))).ReadOkAsync();

        // Someone replays the first token (it was copied): refused, and the newest token of that sign-in dies with it.
        await (await RefreshAsync(client, Refresh(first))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(client, Refresh(third))).ReadProblemAsync(HttpStatusCode.Unauthorized);

        await (await RefreshAsync(client, Refresh(otherSignIn))).ReadOkAsync();
    }

    [Fact]
    public async Task SignOut_WithTheAccessToken_RevokesTheRefreshTokensOfThatSignIn()
    {
        var user = await SignInUsers.CreateAsync(factory, "signout");
        var client = factory.CreateClient();
        var login = await LoginAsync(client, user.UserName!);
        var next = await (await RefreshAsync(client, Refresh(login))).ReadOkAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/signout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", next["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);

        await (await RefreshAsync(client, Refresh(next))).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_WithTheRefreshToken_RevokesIt()
    {
        var user = await SignInUsers.CreateAsync(factory, "signout-rt");
        var client = factory.CreateClient();
        var login = await LoginAsync(client, user.UserName!);

        var response = await client.PostAsJsonAsync("/api/auth/signout", new { refreshToken = Refresh(login) });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await (await RefreshAsync(client, Refresh(login))).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static string Refresh(JsonObject pair) => pair["refreshToken"]!.GetValue<string>();

    private static async Task<JsonObject> LoginAsync(HttpClient client, string userName) =>
        await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = SignInUsers.Password })).ReadOkAsync();

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, JsonObject pair, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair["accessToken"]!.GetValue<string>());
        return client.SendAsync(request);
    }
}
