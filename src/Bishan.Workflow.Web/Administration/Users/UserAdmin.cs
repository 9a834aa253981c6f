using System.Security.Cryptography;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Web.Administration.Users;

/// <summary>A user as the administration page and API show it (never a password hash or a phone number).</summary>
public sealed record UserView(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? OrgUnitId,
    string? OrgUnitName, bool Disabled);

/// <summary>A user just created or given a new password: the temporary password is shown once, to the administrator.</summary>
public sealed record UserWithPassword(UserView User, string TemporaryPassword);

/// <summary>The checks and steps the user-administration use cases share.</summary>
internal static class UserAdmin
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>Checks an org unit for a user: it must be in the tree and not retired (400 at <c>orgUnitId</c>).</summary>
    public static string? CheckUnit(InputErrors errors, OrgTree tree, string? orgUnitId, bool required)
    {
        var id = errors.Text("orgUnitId", orgUnitId, 64, required);
        if (id is null) return null;
        if (tree.Find(id) is not { } unit)
        {
            errors.Add("orgUnitId", UseCaseStrings.Format("OrgUnitNotInTree", id));
            return null;
        }
        if (unit.Retired)
        {
            errors.Add("orgUnitId", UseCaseStrings.Format("OrgUnitRetiredNoNewWork", unit.Name));
            return null;
        }
        return id;
    }

    /// <summary>Checks a role name against <see cref="Roles.All"/> (400 at <c>role</c>).</summary>
    public static string? CheckRole(InputErrors errors, string? role, bool required)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            if (required) errors.Required("role");
            return null;
        }
        var match = Roles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null) errors.Add("role", InputErrors.Message("Field_NotOneOf", "role", string.Join(", ", Roles.All)));
        return match;
    }

    /// <summary>Creates the role when a production database has not got it yet (the demo seeder creates them in Development).</summary>
    public static async Task EnsureRoleAsync(RoleManager<IdentityRole> roles, string role)
    {
        if (!await roles.RoleExistsAsync(role)) ThrowIfFailed(await roles.CreateAsync(new IdentityRole(role)), "role");
    }

    public static async Task<AppUser> FindAsync(UserManager<AppUser> users, string id) =>
        await users.FindByIdAsync(id) ?? throw new NotFoundException(UseCaseStrings.Format("AdminUserNotFound", id));

    public static async Task<UserView> ViewAsync(UserManager<AppUser> users, OrgTree tree, AppUser user, TimeProvider time) =>
        View(user, [.. await users.GetRolesAsync(user)], tree, time);

    public static UserView View(AppUser user, IReadOnlyList<string> roles, OrgTree tree, TimeProvider time) =>
        new(user.Id, user.UserName ?? "", user.DisplayName, roles, user.OrgUnitId,
            user.OrgUnitId is null ? null : tree.Find(user.OrgUnitId)?.Name, IsDisabled(user, time));

    public static bool IsDisabled(AppUser user, TimeProvider time) => user.LockoutEnd is { } end && end > time.GetUtcNow();

    /// <summary>
    /// A temporary password that meets Identity's default rules (length, digit, upper and lower case, symbol), from a
    /// cryptographic source; the user changes it at the first sign-in.
    /// </summary>
    public static string NewPassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            var pool = (i % 4) switch { 0 => upper, 1 => letters, 2 => digits, _ => letters };
            chars[i] = pool[RandomNumberGenerator.GetInt32(pool.Length)];
        }
        return new string(chars) + "#";
    }

    /// <summary>Turns Identity's refusals (weak password, name taken) into field errors in the reader's language.</summary>
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        var errors = new InputErrors();
        foreach (var error in result.Errors)
        {
            var key = error.Code switch
            {
                "DuplicateUserName" => "AdminUserNameTaken",
                "InvalidUserName" => "AdminUserNameInvalid",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "AdminPasswordTooWeak",
                _ => null,
            };
            errors.Add(key == "AdminUserNameTaken" || key == "AdminUserNameInvalid" ? "userName" : field,
                key is null ? error.Description : UseCaseStrings.Format(key));
        }
        errors.ThrowIfAny();
    }

    /// <summary>Ends the user's API tokens in this unit of work's transaction (a second connection would wait on SQLite's lock).</summary>
    public static Task RevokeTokensAsync(BishanDbContext db, string userId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
}
