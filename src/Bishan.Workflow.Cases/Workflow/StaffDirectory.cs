using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The users with their roles and units, read once per use case (<see cref="ICasesDbContext.StaffListAsync"/>; the staff
/// list is small next to the cases), so that resolving many tasks and notifications costs one query.
/// </summary>
public sealed class StaffDirectory(IReadOnlyList<StaffMember> members)
{
    public static async Task<StaffDirectory> LoadAsync(ICasesDbContext db, CancellationToken ct) =>
        new(await db.StaffListAsync(ct));

    /// <summary>Users holding <paramref name="role"/> at exactly <paramref name="orgUnitId"/>, ordered by user name so that picks are stable.</summary>
    public IReadOnlyList<StaffMember> InRole(string role, string orgUnitId) =>
        members.Where(m => string.Equals(m.Role, role, StringComparison.OrdinalIgnoreCase)
                           && string.Equals(m.OrgUnitId, orgUnitId, StringComparison.Ordinal))
            .OrderBy(m => m.UserName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Everyone at a unit, whatever their role (one entry per user).</summary>
    public IReadOnlyList<StaffMember> AtUnit(string orgUnitId) =>
        members.Where(m => string.Equals(m.OrgUnitId, orgUnitId, StringComparison.Ordinal))
            .DistinctBy(m => m.UserId)
            .OrderBy(m => m.UserName, StringComparer.Ordinal)
            .ToList();

    public StaffMember? ByUserName(string userName) =>
        members.FirstOrDefault(m => string.Equals(m.UserName, userName, StringComparison.OrdinalIgnoreCase));

    public StaffMember? ById(string userId) =>
        members.FirstOrDefault(m => string.Equals(m.UserId, userId, StringComparison.Ordinal));

    /// <summary>The name to show for a user id: display name, else login, else the id.</summary>
    public string NameOf(string userId) => ById(userId) is { } m
        ? (string.IsNullOrWhiteSpace(m.DisplayName) ? m.UserName : m.DisplayName)
        : userId;
}
