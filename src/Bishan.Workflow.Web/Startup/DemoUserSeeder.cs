using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Web.Auth;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Startup;

/// <summary>Creates the demo administrator in Development, with the password from <c>Seed:DemoPassword</c>.</summary>
internal sealed class DemoUserSeeder(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<DemoUserSeeder> logger)
{
    public const string AdminUserName = "admin";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await roles.RoleExistsAsync(Roles.Administrator))
            Check(await roles.CreateAsync(new IdentityRole(Roles.Administrator)), "create the Administrator role");

        var password = configuration["Seed:DemoPassword"];
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Seed:DemoPassword is empty: the demo user '{User}' is not created", AdminUserName);
            return;
        }

        var admin = await users.FindByNameAsync(AdminUserName);
        if (admin is null)
        {
            admin = new AppUser { UserName = AdminUserName };
            Check(await users.CreateAsync(admin, password), "create the demo user");
            logger.LogInformation("Demo user '{User}' created", AdminUserName);
        }
        if (!await users.IsInRoleAsync(admin, Roles.Administrator))
            Check(await users.AddToRoleAsync(admin, Roles.Administrator), "make the demo user an administrator");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
