using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Supervision.ListSupervisionNotices;

/// <summary>
/// Supervision notices, newest first, that the reader may see (all for district-wide readers; a supervisor those addressed to
/// their unit or below), optionally of one unit or one case. Caseworkers are refused (403).
/// </summary>
public sealed record ListSupervisionNotices(string? UnitId, string? CaseId) : IQuery<IReadOnlyList<SupervisionNoticeView>>;

public sealed class ListSupervisionNoticesHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<ListSupervisionNotices, IReadOnlyList<SupervisionNoticeView>>
{
    public async ValueTask<IReadOnlyList<SupervisionNoticeView>> Handle(ListSupervisionNotices query, CancellationToken cancellationToken)
    {
        if (!CaseScope.For(user, tree).SeesAll && !user.IsInRole(Vocabulary.Roles.Supervisor))
            throw new ForbiddenException(UseCaseStrings.Format("SupervisionReadForbidden"));
        var notices = db.SupervisionNotices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitId)) notices = notices.Where(n => n.UnitId == query.UnitId);
        if (!string.IsNullOrWhiteSpace(query.CaseId)) notices = notices.Where(n => n.CaseId == query.CaseId);
        var rows = (await notices.ToListAsync(cancellationToken)).Where(n => SupervisionAccess.MayRead(user, tree, n))
            .OrderByDescending(n => n.IssuedAtUtc).ToList();
        return await SupervisionNoticeViews.OfAsync(db, tree, time, rows, cancellationToken);
    }
}
