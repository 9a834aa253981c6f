using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Guardianship;
using Bishan.Workflow.Cases.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Statistics.GetGuardianshipFigures;

/// <summary>
/// The parents-return-home consultation in figures: consultations, outcomes, parents returned, jobs found through the
/// register, and per employer. One definition for the statistics page, the API and the 专报; counts, no personal data.
/// </summary>
public sealed record GetGuardianshipFigures : IQuery<GuardianshipFigures>;

public sealed record GuardianshipFigures(int Consultations, int Open, int Recorded, int ParentsReturned, int JobsFound, int EntrustedGuardians,
    int NotPossibleNow, int FollowUpsDone, int StillAtHomeAndCaring, int Employers, int SignedEmployers, int OpenPlaces,
    IReadOnlyList<GuardianshipEmployerFigure> ByEmployer);

public sealed record GuardianshipEmployerFigure(long EmployerId, string Name, bool CooperationSigned, int Openings, int OpenPlaces, int JobsFound);

public sealed class GetGuardianshipFiguresHandler(ICasesDbContext db, ICurrentUser user) : IQueryHandler<GetGuardianshipFigures, GuardianshipFigures>
{
    public async ValueTask<GuardianshipFigures> Handle(GetGuardianshipFigures query, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayRead(user);
        return await ComputeAsync(db, cancellationToken);
    }

    /// <summary>The figures as they are now (no cache).</summary>
    public static async Task<GuardianshipFigures> ComputeAsync(ICasesDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.GuardianshipConsultations.AsNoTracking()
            .Select(c => new { c.Status, c.Outcome, c.JobId, c.FollowUpAtUtc, c.FollowUpParentAtHome, c.FollowUpCaring }).ToListAsync(ct);
        var employers = await db.Employers.AsNoTracking().ToListAsync(ct);
        var jobs = await db.EmployerJobs.AsNoTracking().ToListAsync(ct);
        var byEmployer = employers
            .Select(e =>
            {
                var own = jobs.Where(j => j.EmployerId == e.Id).ToList();
                return new GuardianshipEmployerFigure(e.Id, e.Name, e.CooperationSigned, own.Sum(j => j.Openings),
                    own.Where(j => j.Open).Sum(j => Math.Max(0, j.Openings - j.Filled)), own.Sum(j => j.Filled));
            })
            .OrderByDescending(e => e.JobsFound).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        return new GuardianshipFigures(
            rows.Count,
            rows.Count(r => r.Status is GuardianshipConsultationStatus.Proposed or GuardianshipConsultationStatus.Arranged),
            rows.Count(r => r.Outcome is not null),
            rows.Count(r => r.Outcome is GuardianshipOutcome.ReturnedWithJob or GuardianshipOutcome.ReturnedWithoutJob),
            rows.Count(r => r.Outcome == GuardianshipOutcome.ReturnedWithJob && r.JobId is not null),
            rows.Count(r => r.Outcome == GuardianshipOutcome.EntrustedGuardian),
            rows.Count(r => r.Outcome == GuardianshipOutcome.NotPossibleNow),
            rows.Count(r => r.FollowUpAtUtc is not null),
            rows.Count(r => r.FollowUpParentAtHome == true && r.FollowUpCaring == true),
            employers.Count, employers.Count(e => e.CooperationSigned), byEmployer.Sum(e => e.OpenPlaces), byEmployer);
    }
}
