using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Administration.Users;

/// <summary>
/// Changes a user's name, role (one role replaces the others) or unit (in the tree, not retired). Fields left out stay.
/// An administrator does not take away their own administrator role (409). Audited <c>user.update</c> with old → new.
/// The user's open sessions pick the change up at their next validation (new security stamp).
/// </summary>
public sealed record UpdateUser(string Id, string? DisplayName, string? Role, string? OrgUnitId) : ICommand<UserView>;

public sealed class UpdateUserHandler(UserManager<AppUser> users, RoleManager<IdentityRole> roles, BishanDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<UpdateUser, UserView>
{
    public async ValueTask<UserView> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var target = await UserAdmin.FindAsync(users, command.Id);
        var errors = new InputErrors();
        var displayName = errors.Text("displayName", command.DisplayName, UserAdmin.MaxDisplayNameLength);
        var role = UserAdmin.CheckRole(errors, command.Role, required: false);
        var unit = UserAdmin.CheckUnit(errors, tree, command.OrgUnitId, required: false);
        errors.ThrowIfAny();

        var current = await users.GetRolesAsync(target);
        if (role is not null && string.Equals(target.Id, user.UserId, StringComparison.Ordinal)
            && !string.Equals(role, Roles.Administrator, StringComparison.Ordinal))
            throw new ConflictException(UseCaseStrings.Format("AdminOwnRole"));

        var changes = new List<string>();
        if (displayName is not null && !string.Equals(displayName, target.DisplayName, StringComparison.Ordinal))
        {
            changes.Add($"name {target.DisplayName} → {displayName}");
            target.DisplayName = displayName;
        }
        if (unit is not null && !string.Equals(unit, target.OrgUnitId, StringComparison.Ordinal))
        {
            changes.Add($"unit {target.OrgUnitId} → {unit}");
            target.OrgUnitId = unit;
        }
        if (changes.Count > 0) UserAdmin.ThrowIfFailed(await users.UpdateAsync(target), "displayName");
        if (role is not null && !(current.Count == 1 && string.Equals(current[0], role, StringComparison.Ordinal)))
        {
            changes.Add($"role {string.Join('/', current)} → {role}");
            if (current.Count > 0) UserAdmin.ThrowIfFailed(await users.RemoveFromRolesAsync(target, current), "role");
            await UserAdmin.EnsureRoleAsync(roles, role);
            UserAdmin.ThrowIfFailed(await users.AddToRoleAsync(target, role), "role");
        }
        if (changes.Count > 0)
        {
            UserAdmin.ThrowIfFailed(await users.UpdateSecurityStampAsync(target), "role");
            AuditLog.Add(db, user, time, AuditActions.UserUpdate, "User", target.Id, $"{target.UserName}: {string.Join("; ", changes)}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return await UserAdmin.ViewAsync(users, tree, target, time);
    }
}
