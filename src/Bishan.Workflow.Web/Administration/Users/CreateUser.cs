using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Administration.Users;

/// <summary>
/// Creates a user in one role at one unit of the tree (not a retired one), with a temporary password shown once.
/// Administrators only; audited <c>user.create</c>.
/// </summary>
public sealed record CreateUser(string? UserName, string? DisplayName, string? Role, string? OrgUnitId) : ICommand<UserWithPassword>;

public sealed class CreateUserHandler(UserManager<AppUser> users, RoleManager<IdentityRole> roles, BishanDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<CreateUser, UserWithPassword>
{
    public async ValueTask<UserWithPassword> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var errors = new InputErrors();
        var userName = errors.Text("userName", command.UserName, 64, required: true);
        var displayName = errors.Text("displayName", command.DisplayName, UserAdmin.MaxDisplayNameLength, required: true);
        var role = UserAdmin.CheckRole(errors, command.Role, required: true);
        var unit = UserAdmin.CheckUnit(errors, tree, command.OrgUnitId, required: true);
        errors.ThrowIfAny();

        var created = new AppUser { UserName = userName, DisplayName = displayName!, OrgUnitId = unit };
        var password = UserAdmin.NewPassword();
        UserAdmin.ThrowIfFailed(await users.CreateAsync(created, password), "password");
        await UserAdmin.EnsureRoleAsync(roles, role!);
        UserAdmin.ThrowIfFailed(await users.AddToRoleAsync(created, role!), "role");
        AuditLog.Add(db, user, time, AuditActions.UserCreate, "User", created.Id, $"{userName} {role} @ {unit}");
        await db.SaveChangesAsync(cancellationToken);
        return new UserWithPassword(UserAdmin.View(created, [role!], tree, time), password);
    }
}
