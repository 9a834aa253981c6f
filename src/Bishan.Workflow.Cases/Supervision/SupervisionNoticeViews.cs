using Bishan.Workflow.Cases.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Supervision;

/// <summary>Notices as the list and the single view show them: with the state of their workflow's tasks and the case's file number.</summary>
internal static class SupervisionNoticeViews
{
    public static async Task<IReadOnlyList<SupervisionNoticeView>> OfAsync(ICasesDbContext db, OrgTree tree, TimeProvider time,
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
