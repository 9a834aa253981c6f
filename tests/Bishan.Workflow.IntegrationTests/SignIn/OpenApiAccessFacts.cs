using System.Net;
using Bishan.Workflow.IntegrationTests.Infrastructure;

namespace Bishan.Workflow.IntegrationTests.SignIn;

/// <summary>The API's map (every route) is for signed-in users only.</summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class OpenApiAccessFacts(BishanWebFactory factory)
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task ApiDocs_Return401_WhenAnonymous(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheSignInRoutes_ForASignedInUser()
    {
        var client = await factory.CreateAdminClientAsync();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("/api/auth/refresh", text, StringComparison.Ordinal);
        Assert.Contains("/api/auth/signout", text, StringComparison.Ordinal);
    }
}
