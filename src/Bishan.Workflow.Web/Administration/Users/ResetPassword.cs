using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Administration.Users;

/// <summary>
/// Gives a user a new temporary password (shown once to the administrator) and ends their sessions and API tokens.
/// Audited <c>user.reset-password</c> (the password itself is never logged).
/// </summary>
public sealed record ResetPassword(string Id) : ICommand<UserWithPassword>;

public sealed class ResetPasswordHandler(UserManager<AppUser> users, BishanDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<ResetPassword, UserWithPassword>
{
    public async ValueTask<UserWithPassword> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var target = await UserAdmin.FindAsync(users, command.Id);
        var password = UserAdmin.NewPassword();
        AuditLog.Add(db, user, time, AuditActions.UserResetPassword, "User", target.Id, target.UserName);
        // Remove + add in one transaction (the unit of work's): no reset-token provider is needed, and a refusal rolls both back.
        if (await users.HasPasswordAsync(target)) UserAdmin.ThrowIfFailed(await users.RemovePasswordAsync(target), "password");
        UserAdmin.ThrowIfFailed(await users.AddPasswordAsync(target, password), "password");
        UserAdmin.ThrowIfFailed(await users.UpdateSecurityStampAsync(target), "password");
        await UserAdmin.RevokeTokensAsync(db, target.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
        return new UserWithPassword(await UserAdmin.ViewAsync(users, tree, target, time), password);
    }
}
