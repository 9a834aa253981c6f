using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>A job of the register as lists and forms show it.</summary>
public sealed record EmployerJobView(long Id, string Title, int Openings, int Filled, bool Open, bool HasPlace);

/// <summary>
/// An employer of the register: the contact phone masked unless <see cref="PhoneShown"/> (the register's keepers, on the
/// employer's own page), jobs with their places.
/// </summary>
public sealed record EmployerView(long Id, string Name, string Industry, string ContactPerson, string ContactPhone, bool PhoneShown,
    bool CooperationSigned, DateOnly? SignedOn, IReadOnlyList<EmployerJobView> Jobs, int OpenPlaces, int Placed)
{
    public static EmployerView Of(Employer employer, IEnumerable<EmployerJob> jobs, bool showPhone)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var views = jobs.Where(j => j.EmployerId == employer.Id).OrderBy(j => j.Id)
            .Select(j => new EmployerJobView(j.Id, j.Title, j.Openings, j.Filled, j.Open, j.HasPlace)).ToList();
        return new EmployerView(employer.Id, employer.Name, employer.Industry, employer.ContactPerson,
            showPhone ? employer.ContactPhone : FamilyPhones.Mask(employer.ContactPhone), showPhone, employer.CooperationSigned, employer.SignedOn,
            views, views.Where(j => j.Open).Sum(j => Math.Max(0, j.Openings - j.Filled)), views.Sum(j => j.Filled));
    }

    public static async Task<EmployerView> LoadAsync(ICasesDbContext db, long id, bool showPhone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var employer = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == id, ct);
        var jobs = await db.EmployerJobs.AsNoTracking().Where(j => j.EmployerId == id).ToListAsync(ct);
        return Of(employer, jobs, showPhone);
    }
}
