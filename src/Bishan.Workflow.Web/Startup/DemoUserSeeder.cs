using System.Security.Cryptography;
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
        // Issue 15: a handful of queries and at most one save, instead of a lookup per role and two or three statements
        // per user through Identity's managers (each create also re-read the user name to check it is unique).
        var roleIds = await EnsureRolesAsync(ct);
        var password = configuration["Seed:DemoPassword"];
        if (string.IsNullOrEmpty(password))
        {
            LogNoPassword(logger);
            return;
        }

        var userNames = DemoUsers.All.Select(u => users.NormalizeName(u.UserName)!).ToList();
        var stored = (await db.Users.Where(u => userNames.Contains(u.NormalizedUserName!)).ToListAsync(ct))
            .ToDictionary(u => u.NormalizedUserName!, StringComparer.Ordinal);
        var storedIds = stored.Values.Select(u => u.Id).ToList();
        var memberships = (await db.UserRoles.AsNoTracking().Where(ur => storedIds.Contains(ur.UserId)).ToListAsync(ct))
            .Select(ur => (ur.UserId, ur.RoleId)).ToHashSet();

        // One hash for every demo user: hashing is deliberately slow (~0.1 s each). They share the password anyway; the
        // password rules are checked once.
        string? hash = null;
        foreach (var demo in DemoUsers.All)
        {
            if (!stored.TryGetValue(users.NormalizeName(demo.UserName)!, out var user))
            {
                user = new AppUser
                {
                    UserName = demo.UserName,
                    NormalizedUserName = users.NormalizeName(demo.UserName),
                    DisplayName = demo.DisplayName,
                    OrgUnitId = demo.OrgUnitId,
                    // What UserManager.CreateAsync sets: a fresh security stamp and lockout as the options say.
                    SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
                    LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
                };
                if (hash is null)
                {
                    foreach (var validator in users.PasswordValidators)
                        Check(await validator.ValidateAsync(users, user, password), $"create the demo user '{demo.UserName}'");
                    hash = users.PasswordHasher.HashPassword(user, password);
                }
                user.PasswordHash = hash;
                db.Users.Add(user);
                LogUserCreated(logger, demo.UserName, demo.Role, demo.OrgUnitId);
            }
            else if (user.OrgUnitId != demo.OrgUnitId || string.IsNullOrEmpty(user.DisplayName))
            {
                user.OrgUnitId = demo.OrgUnitId;
                if (string.IsNullOrEmpty(user.DisplayName)) user.DisplayName = demo.DisplayName;
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            }
            var roleId = roleIds[roles.NormalizeKey(demo.Role)!];
            if (memberships.Add((user.Id, roleId)))
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    /// <summary>Every role of the domain, the missing ones added: their ids by normalized name.</summary>
    private async Task<Dictionary<string, string>> EnsureRolesAsync(CancellationToken ct)
    {
        var roleNames = DomainRoles.All.Select(r => roles.NormalizeKey(r)!).ToList();
        var ids = await db.Roles.AsNoTracking()
            .Where(r => roleNames.Contains(r.NormalizedName!))
            .ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, StringComparer.Ordinal, ct);
        foreach (var role in DomainRoles.All)
        {
            var normalized = roles.NormalizeKey(role)!;
            if (ids.ContainsKey(normalized)) continue;
            var created = new IdentityRole(role) { NormalizedName = normalized };
            db.Roles.Add(created);
            ids[normalized] = created.Id;
        }
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        return ids;
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
