using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics.GetFamilyEducationFigures;

/// <summary>
/// The family-education guidance centre's figures by sub-centre: referrals (and how many were accepted, declined, evaluated,
/// improved), sessions, and the attendance rate (family members who came ÷ expected, over every session). One definition for
/// the statistics page, the API and the 专报. Counts only, no minor is named, so every signed-in user reads them.
/// </summary>
public sealed record GetFamilyEducationFigures : IQuery<FamilyEducationFigures>;

public sealed record FamilyEducationFigures(FamilyEducationUnitFigures Total, IReadOnlyList<FamilyEducationUnitFigures> BySubCentre);

/// <param name="AttendanceRate">Percent with one decimal; null when no one was expected yet.</param>
/// <param name="ClassesHeld">Parent classes (家长课堂) whose attendance was recorded.</param>
/// <param name="ParentsInvited">Family members invited to those classes.</param>
/// <param name="ParentsCame">Of them, those who came.</param>
/// <param name="ClassAttendanceRate">Came ÷ invited in percent with one decimal; null before any class was held.</param>
public sealed record FamilyEducationUnitFigures(string? SubCentreId, string Name, int Referrals, int Accepted, int Declined, int Evaluated, int Improved,
    int Sessions, int Expected, int Attended, decimal? AttendanceRate, int ClassesHeld = 0, int ParentsInvited = 0, int ParentsCame = 0,
    decimal? ClassAttendanceRate = null);

public sealed class GetFamilyEducationFiguresHandler(ICasesDbContext db, OrgTree tree) : IQueryHandler<GetFamilyEducationFigures, FamilyEducationFigures>
{
    public async ValueTask<FamilyEducationFigures> Handle(GetFamilyEducationFigures query, CancellationToken cancellationToken) =>
        await ComputeAsync(db, tree, cancellationToken);

    /// <summary>The figures, read from the database on every call, for every sub-centre in the tree (a sub-centre without referrals shows zeros).</summary>
    public static async Task<FamilyEducationFigures> ComputeAsync(ICasesDbContext db, OrgTree tree, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tree);
        var referrals = await db.FamilyEducationReferrals.AsNoTracking().Select(r => new { r.Id, r.SubCentreId, r.Status, r.DecidedAtUtc, r.Result }).ToListAsync(ct);
        var sessions = await (from s in db.FamilyEducationSessions.AsNoTracking()
                              join r in db.FamilyEducationReferrals.AsNoTracking() on s.ReferralId equals r.Id
                              select new { r.SubCentreId, s.InvitedCount, s.AttendedCount }).ToListAsync(ct);
        // Classes count on their own too (held, invited, came); their attendance is also in the sessions above, once per referral.
        var classes = await db.FamilyEducationClasses.AsNoTracking().Where(c => c.Status == FamilyEducationClassStatus.Held)
            .Select(c => new { c.Id, c.SubCentreId }).ToListAsync(ct);
        var invitations = await (from i in db.FamilyEducationClassInvitations.AsNoTracking()
                                 join c in db.FamilyEducationClasses.AsNoTracking() on i.ClassId equals c.Id
                                 where c.Status == FamilyEducationClassStatus.Held
                                 select new { c.SubCentreId, i.Attended }).ToListAsync(ct);
        var units = tree.OfKind(OrgUnitKind.FamilyEducationSubCentre).ToList();
        var bySubCentre = units.Select(u =>
        {
            var mine = referrals.Where(r => r.SubCentreId == u.Id).ToList();
            var held = sessions.Where(s => s.SubCentreId == u.Id).ToList();
            return Figures(u.Id, FamilyEducation.FamilyEducationReferralView.UnitName(tree, u.Id),
                mine.Count, mine.Count(r => r.DecidedAtUtc != null && r.Status != FamilyEducationStatus.Declined),
                mine.Count(r => r.Status == FamilyEducationStatus.Declined), mine.Count(r => r.Status == FamilyEducationStatus.Evaluated),
                mine.Count(r => r.Result is ParentingChange.Improved or ParentingChange.PartlyImproved),
                held.Count, held.Sum(s => s.InvitedCount), held.Sum(s => s.AttendedCount)) with
            {
                ClassesHeld = classes.Count(c => c.SubCentreId == u.Id),
                ParentsInvited = invitations.Count(i => i.SubCentreId == u.Id),
                ParentsCame = invitations.Count(i => i.SubCentreId == u.Id && i.Attended == true),
            };
        }).Select(WithClassRate).ToList();
        var total = Figures(null, UseCaseStrings.Format("FamilyEducationFigures_Total"), bySubCentre.Sum(f => f.Referrals), bySubCentre.Sum(f => f.Accepted),
            bySubCentre.Sum(f => f.Declined), bySubCentre.Sum(f => f.Evaluated), bySubCentre.Sum(f => f.Improved), bySubCentre.Sum(f => f.Sessions),
            bySubCentre.Sum(f => f.Expected), bySubCentre.Sum(f => f.Attended)) with
        {
            ClassesHeld = bySubCentre.Sum(f => f.ClassesHeld), ParentsInvited = bySubCentre.Sum(f => f.ParentsInvited),
            ParentsCame = bySubCentre.Sum(f => f.ParentsCame),
        };
        total = WithClassRate(total);
        return new FamilyEducationFigures(total, bySubCentre);
    }

    private static FamilyEducationUnitFigures WithClassRate(FamilyEducationUnitFigures f) =>
        f with { ClassAttendanceRate = f.ParentsInvited == 0 ? null : Math.Round(100m * f.ParentsCame / f.ParentsInvited, 1, MidpointRounding.AwayFromZero) };

    private static FamilyEducationUnitFigures Figures(string? id, string name, int referrals, int accepted, int declined, int evaluated, int improved,
        int sessions, int expected, int attended) =>
        new(id, name, referrals, accepted, declined, evaluated, improved, sessions, expected, attended,
            expected == 0 ? null : Math.Round(100m * attended / expected, 1, MidpointRounding.AwayFromZero));
}
