using System.Net;
using Bishan.Workflow.IntegrationTests.Infrastructure;

namespace Bishan.Workflow.IntegrationTests.Api;

[Collection(AppCollectionDefinition.Name)]
public sealed class SecurityHeaderFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Headers_AreOnA200ApiAnswer()
    {
        var client = await factory.CreateAdminClientAsync();
        var response = await client.GetAsync("/api/descriptors/activities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task Headers_AreOnA401ProblemAnswer()
    {
        var response = await factory.CreateClient().GetAsync("/api/workflow-definitions");
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        AssertHardened(response);
    }

    [Fact]
    public async Task Headers_AreOnHealth()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task Headers_AreOnTheLoginPage_WhichMayNotBeFramed()
    {
        var response = await factory.CreateClient().GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
        // Antiforgery on the login form would write SAMEORIGIN; the page must not be framed at all.
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Contains(Single(response, "Referrer-Policy"), (string[])["strict-origin-when-cross-origin", "no-referrer"]);
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{name} missing on {response.RequestMessage?.RequestUri}");
        return Assert.Single(values);
    }
}
