using System.Net;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;

namespace Bishan.Workflow.IntegrationTests.SignIn;

/// <summary>
/// Failed sign-ins slow the guesser down (429 with Retry-After) and never lock the account: the shipped defaults allow
/// five failures per address and ten per user name before delays start.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class SignInThrottlingFacts(BishanWebFactory factory)
{
    private const int AddressFreeFailures = 5;
    private const int UserNameFreeFailures = 10;

    [Fact]
    public async Task Login_Returns429_AfterFiveFailuresFromOneAddress_AndTheVictimStillSignsInFromAnother()
    {
        var victim = await SignInUsers.CreateAsync(factory, "victim");
        var client = factory.CreateClient();
        var attacker = ClientAddresses.NewAddress();

        for (var i = 0; i < AddressFreeFailures; i++)
            await (await SignInUsers.LoginAsync(client, attacker, victim.UserName!, "guess-" + i)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        var throttled = await SignInUsers.LoginAsync(client, attacker, victim.UserName!, "guess-again", "zh-CN");
        var problem = await throttled.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("登录尝试过于频繁", problem["title"]!.GetValue<string>());
        Assert.Contains("秒后再试", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 15);

        // While throttled, even the right password gets the same 429: the attacker cannot test guesses.
        await (await SignInUsers.LoginAsync(client, attacker, victim.UserName!, SignInUsers.Password)).ReadProblemAsync(HttpStatusCode.TooManyRequests);

        // The victim, elsewhere, signs in at once, and the account was never locked.
        var ok = await (await SignInUsers.LoginAsync(client, ClientAddresses.NewAddress(), victim.UserName!, SignInUsers.Password)).ReadOkAsync();
        Assert.False(string.IsNullOrEmpty(ok["accessToken"]?.GetValue<string>()));
        var (locked, failedCount) = await SignInUsers.WithUsersAsync(factory, async users =>
        {
            var user = (await users.FindByIdAsync(victim.Id))!;
            return (await users.IsLockedOutAsync(user), await users.GetAccessFailedCountAsync(user));
        });
        Assert.False(locked);
        Assert.Equal(0, failedCount);
    }

    [Fact]
    public async Task Login_ThrottlesAKnownAndAnUnknownUserNameAlike_WhenGuessesComeFromManyAddresses()
    {
        var known = await SignInUsers.CreateAsync(factory, "spread");
        var unknown = "nobody-" + Guid.NewGuid().ToString("N");
        var client = factory.CreateClient();

        var answers = new List<string>();
        foreach (var name in new[] { known.UserName!, unknown })
        {
            for (var i = 0; i < UserNameFreeFailures; i++)
                await (await SignInUsers.LoginAsync(client, ClientAddresses.NewAddress(), name, "guess-" + i)).ReadProblemAsync(HttpStatusCode.Unauthorized);
            var response = await SignInUsers.LoginAsync(client, ClientAddresses.NewAddress(), name, "guess-again");
            answers.Add(await ShapeAsync(response));
        }

        // Same status, same headers present, same title: a 429 does not tell whether the name exists.
        Assert.Equal(answers[0], answers[1]);
        Assert.StartsWith("429 Retry-After application/problem+json", answers[0], StringComparison.Ordinal);
    }

    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter is null ? "none" : "Retry-After";
        return $"{(int)response.StatusCode} {retryAfter} {response.Content.Headers.ContentType?.MediaType} {problem["title"]} {problem["status"]}";
    }
}
