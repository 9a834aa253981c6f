using System.Globalization;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>Applies a form's job list to an employer's jobs: named jobs change, new ones are added, a missing one closes.</summary>
public static class EmployerJobs
{
    /// <summary>
    /// Changes <paramref name="existing"/> (tracked) to match <paramref name="wanted"/>; a job left out is deleted when nobody took
    /// it, else closed so its placements still count. 400 for a job id that is not this employer's, or fewer places than taken.
    /// </summary>
    public static List<EmployerJob> Apply(ICasesDbContext db, long employerId, IReadOnlyList<EmployerJobInput> wanted, IReadOnlyList<EmployerJob> existing)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new InputErrors();
        var result = new List<EmployerJob>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var input = wanted[i];
            var prefix = $"jobs[{i.ToString(CultureInfo.InvariantCulture)}].";
            EmployerJob job;
            if (input.Id is { } id)
            {
                var found = existing.FirstOrDefault(j => j.Id == id);
                if (found is null)
                {
                    errors.Add(prefix + "jobId", UseCaseStrings.Format("Guardianship_JobNotEmployers", id));
                    continue;
                }
                job = found;
                if (input.Openings < job.Filled)
                {
                    errors.Add(prefix + "openings", UseCaseStrings.Format("Guardianship_OpeningsBelowFilled", job.Filled));
                    continue;
                }
            }
            else
            {
                job = new EmployerJob { EmployerId = employerId };
                db.EmployerJobs.Add(job);
            }
            job.Title = input.Title!;
            job.Openings = input.Openings!.Value;
            job.Open = input.Open ?? true;
            result.Add(job);
        }
        errors.ThrowIfAny();
        foreach (var gone in existing.Where(j => result.All(r => !ReferenceEquals(r, j))))
        {
            if (gone.Filled == 0) db.EmployerJobs.Remove(gone);
            else gone.Open = false;
        }
        return result;
    }
}
