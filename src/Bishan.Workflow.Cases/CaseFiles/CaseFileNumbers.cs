using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.CaseFiles;

/// <summary>
/// File numbers users quote (<c>BS-2026-0001</c>): the year the file was opened and a sequence within the year.
/// One rule for referrals and demo data, so that they never collide.
/// </summary>
public static class CaseFileNumbers
{
    public const string Prefix = "BS";

    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:0000}-{sequence:0000}");

    /// <summary>
    /// The next free number of <paramref name="year"/>. Call inside the transaction that inserts the case: the unique
    /// index on the file number turns a race between two referrals into a retryable conflict, never a duplicate.
    /// </summary>
    public static async Task<string> NextAsync(ICasesDbContext db, int year, CancellationToken ct)
    {
        var prefix = Format(year, 0)[..^4];
        var numbers = await db.Cases.Where(c => c.FileNumber.StartsWith(prefix)).Select(c => c.FileNumber).ToListAsync(ct);
        var local = db.Cases.Local.Where(c => c.FileNumber.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.FileNumber);
        var max = numbers.Concat(local)
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0)
            .DefaultIfEmpty(0)
            .Max();
        return Format(year, max + 1);
    }
}
