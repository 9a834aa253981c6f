using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Access;

/// <summary>
/// Look-ups of staff for the use cases. <see cref="ICasesDbContext.Staff"/> projects into a positional record, which
/// EF Core cannot filter after the projection, so the (small: one row per user and role) list is read whole and
/// filtered here.
/// </summary>
public static class StaffDirectory
{
    public static async Task<IReadOnlyList<StaffMember>> WhereAsync(ICasesDbContext db, Func<StaffMember, bool> predicate, CancellationToken ct) =>
        (await db.Staff.ToListAsync(ct)).Where(predicate).ToList();
}
