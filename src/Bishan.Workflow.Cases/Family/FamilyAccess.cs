using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Family;

/// <summary>
/// Who reads and changes a case's family: whoever may read the file reads it (audited); the writing roles in scope change
/// it while the file is open; whole phone numbers follow the ID-number rule (<see cref="Permissions.MaySeeWholeIdNumber"/>).
/// </summary>
public static class FamilyAccess
{
    public static bool MayEdit(ICurrentUser user, Case @case) =>
        Permissions.MayWrite(user) && @case.AnonymisedAtUtc is null && @case.Status is not (CaseStatus.Closed or CaseStatus.Rejected);

    /// <summary>Loads the case for a change: 404, 403 out of scope or read-only, 409 when the file is closed.</summary>
    public static async Task<Case> LoadForChangeAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string caseId, CancellationToken ct)
    {
        var @case = await db.LoadInScopeAsync(caseId, CaseScope.For(user, tree), ct);
        Permissions.EnsureMayWrite(user);
        if (!MayEdit(user, @case))
            throw new ConflictException(UseCaseStrings.Format("Family_FileClosed", @case.FileNumber, DomainLabels.For(@case.Status)));
        return @case;
    }

    /// <summary>
    /// Adds the history row, a timeline line and the audit entry of one change, in the caller's unit of work. The timeline line
    /// names nobody: family members' details stay on the 家庭 tab, where the retention job can clear them.
    /// </summary>
    public static void Record(ICasesDbContext db, ICurrentUser user, TimeProvider time, Case @case, string action, string changes)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.FamilyChanges.Add(new FamilyChange { CaseId = @case.Id, AuthorUserId = user.UserId, AtUtc = now, Changes = changes });
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("FamilyTimeline_Changed"),
        });
        AuditLog.Add(db, user, time, action, nameof(Case), @case.Id, changes);
    }
}
