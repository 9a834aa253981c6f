using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation;

/// <summary>
/// Who sees and works on family-education referrals. A guidance worker (家庭教育指导员) sees no case file: only the referrals to
/// their sub-centre (the centre's staff: every referral), with what guidance needs. Everyone else sees the referrals of the
/// cases their <see cref="CaseScope"/> covers. Acting on a referral (decide, plan, sessions, evaluate) is for the guidance
/// workers of its sub-centre.
/// </summary>
public static class FamilyEducationAccess
{
    /// <summary>Whether the user is a guidance worker at the centre, who sees every sub-centre's referrals.</summary>
    public static bool IsCentreStaff(ICurrentUser user) =>
        user.IsInRole(Roles.GuidanceWorker) && string.Equals(user.OrgUnitId, OrgUnitIds.FamilyEducationCentre, StringComparison.Ordinal);

    /// <summary>The sub-centre a guidance worker belongs to, or null (the centre's staff and everyone else).</summary>
    public static string? SubCentreOf(ICurrentUser user, OrgTree tree) =>
        user.IsInRole(Roles.GuidanceWorker) && user.OrgUnitId is { } unit && tree.Find(unit) is { Kind: OrgUnitKind.FamilyEducationSubCentre } ? unit : null;

    /// <summary>The referrals the user may see, as a query.</summary>
    public static IQueryable<FamilyEducationReferral> Visible(ICasesDbContext db, ICurrentUser user, OrgTree tree)
    {
        var referrals = db.FamilyEducationReferrals.AsNoTracking();
        if (user.IsInRole(Roles.GuidanceWorker))
        {
            if (IsCentreStaff(user)) return referrals;
            var unit = SubCentreOf(user, tree);
            return referrals.Where(r => r.SubCentreId == unit);
        }
        var scope = CaseScope.For(user, tree);
        if (scope.SeesAll) return referrals;
        var caseIds = scope.Apply(db.Cases).Select(c => c.Id);
        return referrals.Where(r => caseIds.Contains(r.CaseId));
    }

    /// <summary>
    /// Whether the user acts on the referral: the guidance workers of its sub-centre (the accept/decline and evaluation tasks
    /// are offered to them). The centre's staff and everyone else read.
    /// </summary>
    public static bool MayAct(ICurrentUser user, FamilyEducationReferral referral) =>
        user.IsInRole(Roles.GuidanceWorker) && string.Equals(user.OrgUnitId, referral.SubCentreId, StringComparison.Ordinal);

    /// <summary>Whether a task is offered to a guidance worker group (<c>GuidanceWorker@…</c>): the only tasks a guidance worker acts on.</summary>
    public static bool IsGuidanceTask(WorkTask task) =>
        task.CandidateGroup is { } group && group.StartsWith(Roles.GuidanceWorker + "@", StringComparison.Ordinal);

    /// <summary>The referral, if the user may see it.</summary>
    /// <exception cref="NotFoundException">No such referral.</exception>
    /// <exception cref="ForbiddenException">Not the caller's to see.</exception>
    public static async Task<FamilyEducationReferral> LoadVisibleAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string id, CancellationToken ct)
    {
        var referral = await db.FamilyEducationReferrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                       ?? throw new NotFoundException(UseCaseStrings.Format("FamilyEducation_NotFound", id));
        if (!await Visible(db, user, tree).AnyAsync(r => r.Id == id, ct))
            throw new ForbiddenException(UseCaseStrings.Format("FamilyEducation_Forbidden"));
        return referral;
    }

    /// <summary>The referral tracked for a change by its sub-centre: 404, 403 (not visible, or not the sub-centre's).</summary>
    public static async Task<FamilyEducationReferral> LoadForActionAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string id, CancellationToken ct)
    {
        await LoadVisibleAsync(db, user, tree, id, ct);
        var referral = await db.FamilyEducationReferrals.FirstAsync(r => r.Id == id, ct);
        if (!MayAct(user, referral)) throw new ForbiddenException(UseCaseStrings.Format("FamilyEducation_ActForbidden"));
        return referral;
    }

    /// <summary>Open referrals are waiting for a decision or in guidance; declined and evaluated ones are closed.</summary>
    public static bool IsOpen(FamilyEducationStatus status) =>
        status is FamilyEducationStatus.Referred or FamilyEducationStatus.Accepted or FamilyEducationStatus.EvaluationDue;

    /// <summary>409 unless the referral is in guidance (accepted or its evaluation due): plans and sessions need that.</summary>
    public static void EnsureInGuidance(FamilyEducationReferral referral)
    {
        if (referral.Status is not (FamilyEducationStatus.Accepted or FamilyEducationStatus.EvaluationDue))
            throw new ConflictException(UseCaseStrings.Format("FamilyEducation_NotInGuidance", DomainLabels.For(referral.Status)));
    }

    /// <summary>The sub-centre serving an area (片区), from the org tree (a sub-centre names its area).</summary>
    public static OrgUnit? SubCentreFor(OrgTree tree, string? areaId) =>
        areaId is null ? null : tree.OfKind(OrgUnitKind.FamilyEducationSubCentre).FirstOrDefault(u => !u.Retired && string.Equals(u.AreaId, areaId, StringComparison.Ordinal));
}
