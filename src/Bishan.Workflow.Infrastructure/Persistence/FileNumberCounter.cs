using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Issues file numbers BS-{year}-{n:0000} from <c>FileNumberCounters</c>: one <c>UPDATE … RETURNING</c> in the caller's
/// transaction (row-locked on PostgreSQL until it commits, under the write lock on SQLite), so two referrals never get
/// the same number. A year's row is created on first use, starting after the highest number already filed that year
/// (files loaded before the counter existed, demo data).
/// </summary>
internal static class FileNumberCounter
{
    public static async Task<string> NextAsync(BishanDbContext db, int year, CancellationToken ct)
    {
        var next = await IncrementAsync(db, year, ct);
        if (next is null)
        {
            var prefix = Prefix(year);
            var last = await db.Cases.Where(c => c.FileNumber.StartsWith(prefix)).MaxAsync(c => (string?)c.FileNumber, ct);
            var start = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            // Two first referrals of a year may both get here: the second insert does nothing and both increment.
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "FileNumberCounters" ("Year", "Last") VALUES ({0}, {1}) ON CONFLICT ("Year") DO NOTHING""", [year, start], ct);
            next = await IncrementAsync(db, year, ct)
                   ?? throw new InvalidOperationException($"The file-number counter of {year} could not be created.");
        }
        return Prefix(year) + next.Value.ToString("0000", CultureInfo.InvariantCulture);
    }

    private static string Prefix(int year) => $"BS-{year.ToString(CultureInfo.InvariantCulture)}-";

    private static async Task<int?> IncrementAsync(BishanDbContext db, int year, CancellationToken ct)
    {
        var values = await db.Database
            .SqlQueryRaw<int>("""UPDATE "FileNumberCounters" SET "Last" = "Last" + 1 WHERE "Year" = {0} RETURNING "Last" AS "Value" """, year)
            .ToListAsync(ct);
        return values.Count == 0 ? null : values[0];
    }
}
