using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Web.Administration.Users;

/// <summary>Every user with their roles and unit, for administrators (403 for anyone else). <paramref name="Q"/> filters by login or name.</summary>
public sealed record ListUsers(string? Q) : IQuery<IReadOnlyList<UserView>>;

public sealed class ListUsersHandler(BishanDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<ListUsers, IReadOnlyList<UserView>>
{
    public async ValueTask<IReadOnlyList<UserView>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        Permissions.EnsureAdministrator(user);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "", StringComparer.Ordinal);
        var q = query.Q?.Trim();
        return [.. users
            .Where(u => string.IsNullOrEmpty(q)
                || (u.UserName ?? "").Contains(q, StringComparison.OrdinalIgnoreCase)
                || u.DisplayName.Contains(q, StringComparison.OrdinalIgnoreCase))
            .Select(u => UserAdmin.View(u, [.. byUser[u.Id]], tree, time))];
    }
}
