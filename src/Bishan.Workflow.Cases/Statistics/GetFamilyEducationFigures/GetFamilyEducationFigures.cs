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
public sealed record FamilyEducationUnitFigures(string? SubCentreId, string Name, int Referrals, int Accepted, int Declined, int Evaluated, int Improved,
    int Sessions, int Expected, int Attended, decimal? AttendanceRate);

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
        var units = tree.OfKind(OrgUnitKind.FamilyEducationSubCentre).ToList();
        var bySubCentre = units.Select(u =>
        {
            var mine = referrals.Where(r => r.SubCentreId == u.Id).ToList();
            var held = sessions.Where(s => s.SubCentreId == u.Id).ToList();
            return Figures(u.Id, FamilyEducation.FamilyEducationReferralView.UnitName(tree, u.Id),
                mine.Count, mine.Count(r => r.DecidedAtUtc != null && r.Status != FamilyEducationStatus.Declined),
                mine.Count(r => r.Status == FamilyEducationStatus.Declined), mine.Count(r => r.Status == FamilyEducationStatus.Evaluated),
                mine.Count(r => r.Result is ParentingChange.Improved or ParentingChange.PartlyImproved),
                held.Count, held.Sum(s => s.InvitedCount), held.Sum(s => s.AttendedCount));
        }).ToList();
        var total = Figures(null, UseCaseStrings.Format("FamilyEducationFigures_Total"), bySubCentre.Sum(f => f.Referrals), bySubCentre.Sum(f => f.Accepted),
            bySubCentre.Sum(f => f.Declined), bySubCentre.Sum(f => f.Evaluated), bySubCentre.Sum(f => f.Improved), bySubCentre.Sum(f => f.Sessions),
            bySubCentre.Sum(f => f.Expected), bySubCentre.Sum(f => f.Attended));
        return new FamilyEducationFigures(total, bySubCentre);
    }

    private static FamilyEducationUnitFigures Figures(string? id, string name, int referrals, int accepted, int declined, int evaluated, int improved,
        int sessions, int expected, int attended) =>
        new(id, name, referrals, accepted, declined, evaluated, improved, sessions, expected, attended,
            expected == 0 ? null : Math.Round(100m * attended / expected, 1, MidpointRounding.AwayFromZero));
}
