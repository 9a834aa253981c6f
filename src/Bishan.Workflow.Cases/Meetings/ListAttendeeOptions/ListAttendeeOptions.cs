using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.ListAttendeeOptions;

/// <summary>
/// Whom a meeting's attendance is chosen from: the system's users (one row per user, roles listed) and the active helpers of
/// the pool. For <see cref="Permissions.MayRunMeetings"/>; names and units only (no minor's data).
/// </summary>
public sealed record ListAttendeeOptions : IQuery<AttendeeOptions>;

public sealed record AttendeeOptions(IReadOnlyList<UserOption> Users, IReadOnlyList<HelperOption> Helpers);

public sealed record UserOption(string UserId, string Name, IReadOnlyList<string> Roles, string? OrgUnitId, string? OrgUnitName);

public sealed record HelperOption(long HelperId, string Name, HelperKind Kind, string? TeamName);

public sealed class ListAttendeeOptionsHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree) : IQueryHandler<ListAttendeeOptions, AttendeeOptions>
{
    public async ValueTask<AttendeeOptions> Handle(ListAttendeeOptions query, CancellationToken cancellationToken)
    {
        Permissions.EnsureMayRunMeetings(user);
        var staff = await db.Staff.AsNoTracking().ToListAsync(cancellationToken);
        var users = staff.GroupBy(s => s.UserId, StringComparer.Ordinal)
            .Select(g => new UserOption(g.Key, string.IsNullOrWhiteSpace(g.First().DisplayName) ? g.First().UserName : g.First().DisplayName,
                g.Select(x => x.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), g.First().OrgUnitId,
                g.First().OrgUnitId is { } unit ? tree.Find(unit)?.Name : null))
            .OrderBy(u => u.OrgUnitId, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        var helpers = (await db.Helpers.AsNoTracking().Where(h => h.Active).ToListAsync(cancellationToken))
            .OrderBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Id)
            .Select(h => new HelperOption(h.Id, h.Name, h.Kind, h.TeamName)).ToList();
        return new AttendeeOptions(users, helpers);
    }
}
