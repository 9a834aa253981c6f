using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Retention;

/// <summary>Which files have outlived their personal data, defined once for the dry run and the run.</summary>
public static class RetentionRules
{
    /// <summary>
    /// Files not yet anonymised whose minor left the register (Exited, FollowUp) or whose file was closed before
    /// <paramref name="cutoffUtc"/>. A re-entry clears the exit and puts the case back into screening, so a minor who came
    /// back is never among them.
    /// </summary>
    public static IQueryable<Case> Expired(IQueryable<Case> cases, DateTime cutoffUtc) =>
        cases.Where(c => c.AnonymisedAtUtc == null && (
            ((c.Status == CaseStatus.Exited || c.Status == CaseStatus.FollowUp) && c.ExitedAtUtc != null && c.ExitedAtUtc < cutoffUtc)
            || (c.Status == CaseStatus.Closed && (c.ClosedAtUtc ?? c.ExitedAtUtc) != null && (c.ClosedAtUtc ?? c.ExitedAtUtc) < cutoffUtc)));

    /// <summary>A file number for a list that needs no more than to tell files apart: <c>BS-2023-0042</c> → <c>BS-2023-**42</c>.</summary>
    public static string MaskFileNumber(string fileNumber)
    {
        var dash = fileNumber.LastIndexOf('-');
        if (dash < 0 || fileNumber.Length - dash - 1 <= 2) return fileNumber.Length <= 2 ? "**" : string.Concat(new string('*', fileNumber.Length - 2), fileNumber.AsSpan(fileNumber.Length - 2));
        var tail = fileNumber[(dash + 1)..];
        return string.Concat(fileNumber.AsSpan(0, dash + 1), new string('*', tail.Length - 2), tail.AsSpan(tail.Length - 2));
    }
}
