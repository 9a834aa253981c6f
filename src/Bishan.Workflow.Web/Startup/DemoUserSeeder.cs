using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
    BishanDbContext db,
    IConfiguration configuration,
    ILogger<DemoUserSeeder> logger)
{
    public const string AdminUserName = "admin";

    public async Task SeedAsync(CancellationToken ct)
    {
        var password = configuration["Seed:DemoPassword"];
        // Every start after the first (issue 15): two queries find everything in place, instead of a lookup per role and
        // two per user through Identity's managers.
        if (!string.IsNullOrEmpty(password) && await AllInPlaceAsync(ct)) return;

        foreach (var role in DomainRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the {role} role");

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

    /// <summary>Every role exists, and every demo user exists with its org unit, a display name and its role.</summary>
    private async Task<bool> AllInPlaceAsync(CancellationToken ct)
    {
        var roleNames = DomainRoles.All.Select(r => roles.NormalizeKey(r)!).ToList();
        var storedRoles = await db.Roles.AsNoTracking()
            .Where(r => roleNames.Contains(r.NormalizedName!))
            .Select(r => new { r.Id, r.NormalizedName })
            .ToListAsync(ct);
        if (storedRoles.Count != roleNames.Count) return false;

        var userNames = DemoUsers.All.Select(u => users.NormalizeName(u.UserName)!).ToList();
        var stored = await db.Users.AsNoTracking()
            .Where(u => userNames.Contains(u.NormalizedUserName!))
            .Select(u => new
            {
                u.NormalizedUserName,
                u.OrgUnitId,
                u.DisplayName,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Select(ur => ur.RoleId).ToList(),
            })
            .ToListAsync(ct);
        var byName = stored.ToDictionary(u => u.NormalizedUserName!, StringComparer.Ordinal);
        var roleIds = storedRoles.ToDictionary(r => r.NormalizedName!, r => r.Id, StringComparer.Ordinal);
        return DemoUsers.All.All(demo =>
            byName.TryGetValue(users.NormalizeName(demo.UserName)!, out var user)
            && user.OrgUnitId == demo.OrgUnitId
            && !string.IsNullOrEmpty(user.DisplayName)
            && user.Roles.Contains(roleIds[roles.NormalizeKey(demo.Role)!]));
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
