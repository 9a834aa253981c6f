using System.Security.Claims;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// How the pages call the Cases use cases: the same Mediator requests as the API, each in a fresh DI scope (its own
/// DbContext, like one HTTP request) whose <see cref="ICurrentUser"/> is the circuit's user. A circuit lives for hours
/// and has no HttpContext, so neither the circuit scope's DbContext nor <c>HttpCurrentUser</c> would do; scope rules
/// and the audit log therefore apply to the UI exactly as to the API.
/// </summary>
internal sealed class UseCases
{
    private readonly AuthenticationStateProvider _authentication;
    private readonly IServiceScopeFactory _scopes;
    private readonly IDbContextFactory<BishanDbContext> _dbs;
    private readonly string? _ipAddress;
    private CircuitUser? _user;

    public UseCases(AuthenticationStateProvider authentication, IServiceScopeFactory scopes, IDbContextFactory<BishanDbContext> dbs,
        IHttpContextAccessor http)
    {
        _authentication = authentication;
        _scopes = scopes;
        _dbs = dbs;
        // Read once, while the circuit's first request is still at hand; later the accessor may have nothing.
        _ipAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>The circuit's user, loaded on first use (the org unit comes from the user row, as for the API).</summary>
    public async Task<ICurrentUser> UserAsync(CancellationToken ct = default)
    {
        if (_user is not null) return _user;
        var principal = (await _authentication.GetAuthenticationStateAsync()).User;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        string? orgUnitId = null;
        if (id is not null)
        {
            await using var db = await _dbs.CreateDbContextAsync(ct);
            orgUnitId = await db.Users.Where(u => u.Id == id).Select(u => u.OrgUnitId).FirstOrDefaultAsync(ct);
        }
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return _user = new CircuitUser(id, principal.Identity?.Name, roles, orgUnitId, _ipAddress);
    }

    public Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken ct = default) =>
        RunAsync(mediator => mediator.Send(query, ct), ct);

    public Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken ct = default) =>
        RunAsync(mediator => mediator.Send(command, ct), ct);

    private async Task<TResponse> RunAsync<TResponse>(Func<IMediator, ValueTask<TResponse>> send, CancellationToken ct)
    {
        var user = await UserAsync(ct);
        await using var scope = _scopes.CreateAsyncScope();
        if (user.UserId is not null)
        {
            // A circuit outlives the request that opened it: the account is checked again for every use case, so a user
            // disabled or changed by an administrator (on any node) is stopped at once, and a new unit applies at once.
            var principal = (await _authentication.GetAuthenticationStateAsync()).User;
            var services = scope.ServiceProvider;
            var account = await AccountCheck.CurrentAsync(_dbs, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<IOptions<IdentityOptions>>().Value, principal, ct)
                ?? throw new ForbiddenException(UseCaseStrings.Format("AdminSessionEnded"));
            // Read with the account: the use case takes these instead of reading them again (issue 15).
            services.GetRequiredService<RequestStamps>().Offer(account.DataVersion, account.OrgTreeVersion);
            if (_user is { } cached && !string.Equals(account.OrgUnitId, cached.OrgUnitId, StringComparison.Ordinal))
                user = _user = cached with { OrgUnitId = account.OrgUnitId };
        }
        scope.ServiceProvider.GetRequiredService<CurrentUserOverride>().User = user;
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }
}
