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
        return await ViewsAsync(db, tree, time, rows, cancellationToken);
    }

    internal static async Task<IReadOnlyList<SupervisionNoticeView>> ViewsAsync(ICasesDbContext db, OrgTree tree, TimeProvider time,
        IReadOnlyList<Model.SupervisionNotice> rows, CancellationToken ct)
    {
        var instances = rows.Select(n => n.WorkflowInstanceId).Where(i => i is not null).ToList();
        var tasks = (await db.WorkTasks.AsNoTracking().Where(t => instances.Contains(t.InstanceId)).ToListAsync(ct)).ToLookup(t => t.InstanceId, StringComparer.Ordinal);
        var caseIds = rows.Select(n => n.CaseId).Where(c => c is not null).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FileNumber, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. rows.Select(n => SupervisionNoticeView.Of(n, SupervisionState.Of(tasks[n.WorkflowInstanceId]), tree,
            n.CaseId is null ? null : numbers.GetValueOrDefault(n.CaseId), now))];
    }
}

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
        return (await ListSupervisionNoticesHandler.ViewsAsync(db, tree, time, [notice], cancellationToken))[0];
    }
}
