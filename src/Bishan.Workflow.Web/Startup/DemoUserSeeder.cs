using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using DomainRoles = Bishan.Workflow.Cases.Vocabulary.Roles;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Creates the roles and, in Development, the demo users (<see cref="DemoUsers"/>: one per role and a supervisor per
/// coordinating body, each in one org unit) with the password from <c>Seed:DemoPassword</c>. Existing users keep
/// their password; their role and org unit are brought back to the demo values.
/// </summary>
internal sealed partial class DemoUserSeeder(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<DemoUserSeeder> logger)
{
    public const string AdminUserName = "admin";

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in DomainRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the {role} role");

        var password = configuration["Seed:DemoPassword"];
        if (string.IsNullOrEmpty(password))
        {
            LogNoPassword(logger);
            return;
        }

        // One hash for every demo user (issue 15): hashing is deliberately slow (~0.1 s each), and a first start created
        // sixteen of them one after the other. They share the password anyway; the password rules are checked once.
        string? hash = null;
        foreach (var demo in DemoUsers.All)
        {
            ct.ThrowIfCancellationRequested();
            var user = await users.FindByNameAsync(demo.UserName);
            if (user is null)
            {
                user = new AppUser { UserName = demo.UserName, DisplayName = demo.DisplayName, OrgUnitId = demo.OrgUnitId };
                if (hash is null)
                {
                    foreach (var validator in users.PasswordValidators)
                        Check(await validator.ValidateAsync(users, user, password), $"create the demo user '{demo.UserName}'");
                    hash = users.PasswordHasher.HashPassword(user, password);
                }
                user.PasswordHash = hash;
                Check(await users.CreateAsync(user), $"create the demo user '{demo.UserName}'");
                LogUserCreated(logger, demo.UserName, demo.Role, demo.OrgUnitId);
            }
            else if (user.OrgUnitId != demo.OrgUnitId || string.IsNullOrEmpty(user.DisplayName))
            {
                user.OrgUnitId = demo.OrgUnitId;
                if (string.IsNullOrEmpty(user.DisplayName)) user.DisplayName = demo.DisplayName;
                Check(await users.UpdateAsync(user), $"update the demo user '{demo.UserName}'");
            }
            if (!await users.IsInRoleAsync(user, demo.Role))
                Check(await users.AddToRoleAsync(user, demo.Role), $"give the demo user '{demo.UserName}' the role {demo.Role}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed:DemoPassword is empty: the demo users are not created")]
    private static partial void LogNoPassword(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo user '{User}' created ({Role} at {OrgUnit})")]
    private static partial void LogUserCreated(ILogger logger, string user, string role, string orgUnit);
}
