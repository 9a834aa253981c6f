using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.ListEmployers;

/// <summary>The employer register, phones masked, signed employers first; <c>withPlaces</c> keeps those with a job still open.</summary>
public sealed record ListEmployers(bool WithPlaces = false) : IQuery<EmployerRegister>;

public sealed record EmployerRegister(IReadOnlyList<EmployerView> Items, bool MayKeep);

public sealed class ListEmployersHandler(ICasesDbContext db, ICurrentUser user) : IQueryHandler<ListEmployers, EmployerRegister>
{
    public async ValueTask<EmployerRegister> Handle(ListEmployers query, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayRead(user);
        var employers = await db.Employers.AsNoTracking().ToListAsync(cancellationToken);
        var jobs = await db.EmployerJobs.AsNoTracking().ToListAsync(cancellationToken);
        var items = employers
            .OrderByDescending(e => e.CooperationSigned).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => EmployerView.Of(e, jobs, showPhone: false))
            .Where(e => !query.WithPlaces || e.Jobs.Any(j => j.HasPlace))
            .ToList();
        return new EmployerRegister(items, GuardianshipAccess.MayKeep(user));
    }
}
