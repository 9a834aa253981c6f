using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Mediator;

namespace Bishan.Workflow.Cases.Statistics.GetOverview;

/// <summary>
/// The dashboard figures (<see cref="RegisterFigures"/>) over the caller's scope: the cases they may see and the tasks
/// they may see, so an area supervisor's dashboard counts the area and a leader's the district.
/// </summary>
public sealed record GetOverview : IQuery<RegisterFigures>;

public sealed class GetOverviewHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time) : IQueryHandler<GetOverview, RegisterFigures>
{
    public async ValueTask<RegisterFigures> Handle(GetOverview query, CancellationToken cancellationToken)
    {
        var scope = CaseScope.For(user, tree);
        return await RegisterFigures.ComputeAsync(scope.Apply(db.Cases), TaskAccess.Visible(db, user, scope), time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
