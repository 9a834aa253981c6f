using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.Web.Auth;
using Bishan.Workflow.Web.Auth.Tokens;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Endpoints;

/// <summary>
/// Locking an account on purpose (failed sign-ins never lock one): the account can no longer sign in, its refresh
/// tokens are revoked and its cookies end at their next validation (new security stamp). Both actions are audited.
/// </summary>
internal static class AdminUserEndpoints
{
    public const string LockAction = "user.lock";
    public const string UnlockAction = "user.unlock";

    public static RouteGroupBuilder MapAdminUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Admin").RequireAuthorization(AuthPolicies.Administrator);
        users.MapPost("/{id}/lock", LockAsync)
            .WithSummary("Locks an account until an administrator unlocks it; ends its API tokens and cookies.");
        users.MapPost("/{id}/unlock", UnlockAsync)
            .WithSummary("Unlocks an account an administrator locked.");
        return api;
    }

    private static async Task<Results<Ok<UserLockState>, ProblemHttpResult>> LockAsync(
        string id, UserManager<AppUser> users, BishanDbContext db, ICurrentUser caller, ApiTokens tokens, TimeProvider time,
        IStringLocalizer<UiText> text, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound(text);
        if (string.Equals(user.Id, caller.UserId, StringComparison.Ordinal))
            return TypedResults.Problem(
                title: text.Or("SignIn.LockSelf.Title", "Cannot lock your own account"),
                detail: text.Or("SignIn.LockSelf", "An administrator cannot lock their own account; ask another administrator."),
                statusCode: StatusCodes.Status409Conflict);
        // The audit row rides in the same SaveChanges as the user's new lockout end (UserManager saves this context).
        AuditLog.Add(db, caller, time, LockAction, "User", user.Id, user.UserName);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        await tokens.RevokeUserAsync(user.Id, ct);
        return TypedResults.Ok(new UserLockState(user.Id, user.UserName, Locked: true));
    }

    private static async Task<Results<Ok<UserLockState>, ProblemHttpResult>> UnlockAsync(
        string id, UserManager<AppUser> users, BishanDbContext db, ICurrentUser caller, TimeProvider time,
        IStringLocalizer<UiText> text)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound(text);
        AuditLog.Add(db, caller, time, UnlockAction, "User", user.Id, user.UserName);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        return TypedResults.Ok(new UserLockState(user.Id, user.UserName, Locked: false));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static ProblemHttpResult NotFound(IStringLocalizer<UiText> text) =>
        TypedResults.Problem(
            title: text.Or("SignIn.UserNotFound.Title", "User not found"),
            detail: text.Or("SignIn.UserNotFound", "There is no user with this id."),
            statusCode: StatusCodes.Status404NotFound);
}

internal sealed record UserLockState(string Id, string? UserName, bool Locked);
