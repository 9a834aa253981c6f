using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Api;

[Collection(AppCollectionDefinition.Name)]
public sealed class AuthFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Health_Returns200_WhenAnonymous()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Storage_KeepsAppAndHangfireData_WhereTheProviderSays()
    {
        if (!factory.Database.IsPostgreSql)
        {
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "bishan.db")));
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "hangfire.db")));
            return;
        }

        // PostgreSQL: one database, Hangfire in its own schema, and no SQLite files left behind in the data directory.
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContextAsync();
        var schemas = await db.Database.SqlQuery<string>($"SELECT schema_name AS \"Value\" FROM information_schema.schemata").ToListAsync();
        Assert.Contains("hangfire", schemas);
        Assert.True(await db.WorkflowDefinitionVersions.CountAsync() >= 0);
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "*.db"));
    }

    [Fact]
    public async Task Login_ReturnsAccessToken_WhenCredentialsAreRight()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BishanWebFactory.AdminPassword });
        var body = await response.ReadOkAsync();
        Assert.False(string.IsNullOrEmpty(body["accessToken"]?.GetValue<string>()));
        Assert.Equal("Bearer", body["tokenType"]?.GetValue<string>());
    }

    [Fact]
    public async Task Login_Returns401Problem_WhenPasswordIsWrong()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "wrong" });
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/workflow-definitions")]
    [InlineData("/api/workflow-instances")]
    [InlineData("/api/descriptors/activities")]
    public async Task Api_Returns401_WhenNoToken(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoints_Return403_WhenUserIsNotAdministrator()
    {
        const string password = "Reader#2026test";
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync("reader") is null)
                Assert.True((await users.CreateAsync(new AppUser { UserName = "reader", DisplayName = "Reader" }, password)).Succeeded);
        }
        var client = await factory.CreateClientAsync("reader", password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/events/anything/trigger", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
        var descriptors = await client.GetAsync("/api/descriptors/activities");
        Assert.Equal(HttpStatusCode.OK, descriptors.StatusCode);
    }

    [Fact]
    public async Task Descriptors_ListTheBuiltInActivities()
    {
        var client = await factory.CreateAdminClientAsync();
        var descriptors = await client.GetFromJsonAsync<JsonArray>("/api/descriptors/activities");
        var types = descriptors!.Select(d => d!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("Elsa.WriteLine", types);
        Assert.Contains("Elsa.Delay", types);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed_InDevelopment()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var document = await response.ReadOkAsync();
        Assert.NotNull(document["paths"]?["/api/workflow-definitions/import"]);
    }

    [Fact]
    public async Task HangfireDashboard_IsServed_ToAdministrators()
    {
        var client = await factory.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }
}
