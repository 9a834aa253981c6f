using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Supervision.GetSupervisionNotice;

/// <summary>One supervision notice with its answer and review; 404 unknown, 403 when the reader may not see it.</summary>
public sealed record GetSupervisionNotice(string Id) : IQuery<SupervisionNoticeView>;

public sealed class GetSupervisionNoticeHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetSupervisionNotice, SupervisionNoticeView>
{
    public async ValueTask<SupervisionNoticeView> Handle(GetSupervisionNotice query, CancellationToken cancellationToken)
    {
        var notice = await db.SupervisionNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException(UseCaseStrings.Format("SupervisionNotFound", query.Id));
        if (!SupervisionAccess.MayRead(user, tree, notice)) throw new ForbiddenException(UseCaseStrings.Format("SupervisionReadForbidden"));
        return (await SupervisionNoticeViews.OfAsync(db, tree, time, [notice], cancellationToken))[0];
    }
}
