using System.Security.Claims;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Web.Auth;

/// <summary>
/// The caller of the current request for the use cases: id, name and roles from the token's claims; the org unit
/// read from the user row (not from a claim), so moving someone to another school takes effect on their next request
/// rather than when their token expires. <see cref="LoadAsync"/> runs in an endpoint filter before any handler.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, IDbContextFactory<BishanDbContext> dbs) : ICurrentUser
{
    private bool _loaded;
    private string? _orgUnitId;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => Principal?.Identity?.Name;

    public IReadOnlyCollection<string> Roles =>
        Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];

    public string? OrgUnitId => _loaded
        ? _orgUnitId
        : throw new InvalidOperationException("The current user's org unit was not loaded: map the endpoint in the cases group, whose filter loads it.");

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task LoadAsync(CancellationToken ct)
    {
        if (_loaded) return;
        if (AccountCheck.Of(accessor.HttpContext) is { } account && string.Equals(account.UserId, UserId, StringComparison.Ordinal))
        {
            // Read by the account check of this request already.
            _orgUnitId = account.OrgUnitId;
        }
        else if (UserId is { } id)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            _orgUnitId = await db.Users.Where(u => u.Id == id).Select(u => u.OrgUnitId).FirstOrDefaultAsync(ct);
        }
        _loaded = true;
    }
}
