using System.Net.Http.Json;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.SignIn;

/// <summary>Fresh accounts and sign-in requests from a chosen client address for the sign-in facts.</summary>
internal static class SignInUsers
{
    public const string Password = "SignIn#2026test";

    public static async Task<AppUser> CreateAsync(BishanWebFactory factory, string prefix)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"{prefix}-{Guid.NewGuid():N}"[..30];
        var user = new AppUser { UserName = name, DisplayName = name };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        return user;
    }

    public static async Task<T> WithUsersAsync<T>(BishanWebFactory factory, Func<UserManager<AppUser>, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string address, string userName, string password, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add(ClientAddresses.Header, address);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }
}
