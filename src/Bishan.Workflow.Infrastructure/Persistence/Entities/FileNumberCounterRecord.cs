namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>
/// The last file number issued in a year (BS-{Year}-{Last:0000}). Incremented with one <c>UPDATE … RETURNING</c> in the
/// referral's transaction, so concurrent referrals on any number of nodes get distinct numbers without a global lock.
/// </summary>
public sealed class FileNumberCounterRecord
{
    public int Year { get; set; }
    public int Last { get; set; }
}
