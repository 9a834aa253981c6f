using System.Runtime.CompilerServices;
using System.Security.Claims;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Auth;

/// <summary>
/// Whether a signed-in caller's account still stands, read from the user row on every request (and every page action,
/// see <c>UseCases</c>), not from the token or cookie: a disabled (locked) or deleted user, or one whose security stamp
/// changed since sign-in (role or unit changed, password reset, disabled), is signed out at once on every node, instead
/// of when the bearer token expires or the cookie's stamp is next validated. The same read gives the user's current org
/// unit to <see cref="HttpCurrentUser"/>, so the check costs no extra query.
/// </summary>
internal static class AccountCheck
{
    /// <summary>
    /// The account row as read for this request, or null when the caller is anonymous; with it, in the same statement, the
    /// stored versions of the cases and tasks and of the organisation, which the request's use cases take
    /// (<see cref="RequestStamps"/>) instead of reading them again (issue 15).
    /// </summary>
    internal sealed record Account(string UserId, string? OrgUnitId, long? DataVersion = null, long? OrgTreeVersion = null);

    private sealed record Row(string? SecurityStamp, DateTimeOffset? LockoutEnd, string? OrgUnitId, long? DataVersion, long? OrgTreeVersion);

    // Compiled once per model: the one statement every signed-in request runs before anything else (as a sequence, of one
    // row or none by the primary key: EF Core's compiled single-row form builds a delegate on every call). A compiled query
    // only runs against the model it was compiled with, and each provider has its own (compiled) model: a process that
    // hosts both (the benchmark) needs one per model.
    private static readonly ConditionalWeakTable<IModel, Func<BishanDbContext, string, IAsyncEnumerable<Row>>> ReadAccountByModel = [];

    private static Func<BishanDbContext, string, IAsyncEnumerable<Row>> ReadAccount(BishanDbContext db) =>
        ReadAccountByModel.GetValue(db.Model, static _ => EF.CompileAsyncQuery(
            (BishanDbContext db, string id) => db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new Row(u.SecurityStamp, u.LockoutEnd, u.OrgUnitId,
                    db.DataStamps.Where(s => s.Id == DataStamp.SingleId).Select(s => (long?)s.Version).FirstOrDefault(),
                    db.OrgTreeStamps.Where(s => s.Id == OrgTreeStamp.SingleId).Select(s => (long?)s.Version).FirstOrDefault()))));

    private static readonly object ItemKey = new();

    /// <summary>The current account of the request, when the middleware checked one.</summary>
    public static Account? Of(HttpContext? context) =>
        context is not null && context.Items.TryGetValue(ItemKey, out var value) ? value as Account : null;

    /// <summary>
    /// Runs after authentication, for bearer tokens (the bearer handler has no validation event): an account that no
    /// longer stands makes the request anonymous (401). Cookies are checked by the cookie handler itself
    /// (<see cref="ValidateCookieAsync"/>), because the pages' policy authenticates the cookie scheme again.
    /// </summary>
    public static IApplicationBuilder UseAccountCheck(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && Of(context) is null
                && await CheckAsync(context, context.User) is null)
            {
                var fromCookie = !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (fromCookie) await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            await next(context);
        });

    /// <summary>
    /// The Identity cookie's principal validation (after the security-stamp validator): a cookie whose account no longer
    /// stands is rejected and deleted, so the browser lands on the sign-in page at its next request.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal) return;
        if (await CheckAsync(context.HttpContext, principal) is not null) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static async Task<Account?> CheckAsync(HttpContext context, ClaimsPrincipal principal)
    {
        var services = context.RequestServices;
        var account = await CurrentAsync(services.GetRequiredService<IDbContextFactory<BishanDbContext>>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<IdentityOptions>>().Value,
            principal, context.RequestAborted);
        if (account is not null)
        {
            context.Items[ItemKey] = account;
            services.GetService<RequestStamps>()?.Offer(account.DataVersion, account.OrgTreeVersion);
        }
        return account;
    }

    /// <summary>
    /// The principal's account as it stands now, or null when it no longer exists, is disabled, or its security stamp
    /// differs from the one the principal was issued with.
    /// </summary>
    public static async Task<Account?> CurrentAsync(IDbContextFactory<BishanDbContext> dbs, TimeProvider time, IdentityOptions identity,
        ClaimsPrincipal principal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dbs);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        Row? row = null;
        await foreach (var found in ReadAccount(db)(db, id).WithCancellation(ct)) row = found;
        if (row is null) return null;
        if (row.LockoutEnd is { } end && end > time.GetUtcNow()) return null;
        var stamp = principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is not null && !string.Equals(stamp, row.SecurityStamp, StringComparison.Ordinal)) return null;
        return new Account(id, row.OrgUnitId, row.DataVersion, row.OrgTreeVersion);
    }
}
