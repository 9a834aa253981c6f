using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports;

/// <summary>Display names of the users a report names (drafter, signer, recipients), read once.</summary>
public sealed class StaffNames(IReadOnlyDictionary<string, string> names)
{
    public static async Task<StaffNames> LoadAsync(ICasesDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var rows = await db.Staff.Where(s => ids.Contains(s.UserId)).Select(s => new { s.UserId, s.UserName, s.DisplayName }).ToListAsync(ct);
        return new StaffNames(rows.DistinctBy(r => r.UserId)
            .ToDictionary(r => r.UserId, r => string.IsNullOrWhiteSpace(r.DisplayName) ? r.UserName : r.DisplayName, StringComparer.Ordinal));
    }

    public string Of(string? userId) => userId is null ? "" : names.GetValueOrDefault(userId, userId);
}
