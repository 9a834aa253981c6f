using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports;

/// <summary>Display names of the users a report names (drafter, signer, recipients), read once.</summary>
public sealed class StaffNames(IReadOnlyDictionary<string, string> names)
{
    public static async Task<StaffNames> LoadAsync(ICasesDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        // Staff is a projection of Identity's tables into a record, which EF cannot filter on: read it, then pick (it is small).
        var rows = (await db.Staff.ToListAsync(ct)).Where(s => ids.Contains(s.UserId, StringComparer.Ordinal)).ToList();
        return new StaffNames(rows.DistinctBy(r => r.UserId)
            .ToDictionary(r => r.UserId, r => string.IsNullOrWhiteSpace(r.DisplayName) ? r.UserName : r.DisplayName, StringComparer.Ordinal));
    }

    public string Of(string? userId) => userId is null ? "" : names.GetValueOrDefault(userId, userId);
}
