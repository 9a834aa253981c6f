using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Administration.Users;

/// <summary>
/// Disables (停用) or enables a user: a disabled account cannot sign in, its API tokens end and its cookies end at their next
/// validation; its tasks, cases and audit rows stay. Nobody disables their own account (409). Audited
/// <c>user.disable</c> / <c>user.enable</c>.
/// </summary>
public sealed record SetUserDisabled(string Id, bool Disabled) : ICommand<UserView>;

public sealed class SetUserDisabledHandler(UserManager<AppUser> users, BishanDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<SetUserDisabled, UserView>
{
    public async ValueTask<UserView> Handle(SetUserDisabled command, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var target = await UserAdmin.FindAsync(users, command.Id);
        if (command.Disabled && string.Equals(target.Id, user.UserId, StringComparison.Ordinal))
            throw new ConflictException(UseCaseStrings.Format("AdminDisableSelf"));

        AuditLog.Add(db, user, time, command.Disabled ? AuditActions.UserDisable : AuditActions.UserEnable, "User", target.Id, target.UserName);
        UserAdmin.ThrowIfFailed(await users.SetLockoutEnabledAsync(target, true), "id");
        UserAdmin.ThrowIfFailed(await users.SetLockoutEndDateAsync(target, command.Disabled ? DateTimeOffset.MaxValue : null), "id");
        if (command.Disabled)
        {
            UserAdmin.ThrowIfFailed(await users.UpdateSecurityStampAsync(target), "id");
            await UserAdmin.RevokeTokensAsync(db, target.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
        }
        else
        {
            UserAdmin.ThrowIfFailed(await users.ResetAccessFailedCountAsync(target), "id");
        }
        return await UserAdmin.ViewAsync(users, tree, target, time);
    }
}
