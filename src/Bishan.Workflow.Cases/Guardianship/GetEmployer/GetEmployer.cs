using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.GetEmployer;

/// <summary>One employer; the whole contact phone for the register's keepers, masked for everyone else.</summary>
public sealed record GetEmployer(long EmployerId) : IQuery<EmployerView>;

public sealed class GetEmployerHandler(ICasesDbContext db, ICurrentUser user) : IQueryHandler<GetEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(GetEmployer query, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayRead(user);
        if (!await db.Employers.AnyAsync(e => e.Id == query.EmployerId, cancellationToken))
            throw new NotFoundException(UseCaseStrings.Format("Guardianship_EmployerNotFound", query.EmployerId));
        return await EmployerView.LoadAsync(db, query.EmployerId, GuardianshipAccess.MayKeep(user), cancellationToken);
    }
}
