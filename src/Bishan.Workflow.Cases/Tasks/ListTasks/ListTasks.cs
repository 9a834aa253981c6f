using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Tasks.ListTasks;

/// <summary>
/// The inbox. <c>mine</c>: assigned to or claimed by the caller (and, when done, completed by them); <c>group</c>:
/// unclaimed tasks offered to the caller's candidate groups; <c>all</c>: every task the caller may see.
/// </summary>
public sealed record ListTasks(string? Scope = null, string? Status = null, int? Skip = null, int? Take = null) : IQuery<Page<TaskListItem>>;

/// <param name="Description">For approvals: what is asked and why (the request and its reason), so that the list says what there is to decide.</param>
/// <param name="RequestedBy">For approvals: the name of who asked: who completed the step before it, else who last acted on the
/// case before it, else the case's caseworker (a request started by the host, such as the demo data's, names no one).</param>
public sealed record TaskListItem(string Id, string Title, string Kind, WorkTaskStatus Status, string? CaseId, string? CaseFileNumber,
    string? CaseName, string? AssigneeUserId, string? CandidateGroup, string? ClaimedByUserId, DateTime CreatedAtUtc, DateTime? DueAtUtc,
    bool Overdue, DateTime? CompletedAtUtc, string? Outcome, Tier? TargetTier, string? Description = null, string? RequestedBy = null);

public sealed class ListTasksHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, StampedCache kept,
    RequestStamps stamps)
    : IQueryHandler<ListTasks, Page<TaskListItem>>
{
    public async ValueTask<Page<TaskListItem>> Handle(ListTasks query, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var scopeName = string.IsNullOrWhiteSpace(query.Scope) ? "mine" : query.Scope.Trim().ToLowerInvariant();
        var statusName = string.IsNullOrWhiteSpace(query.Status) ? "open" : query.Status.Trim().ToLowerInvariant();
        var errors = new InputErrors();
        if (scopeName is not ("mine" or "group" or "all")) errors.Add("scope", InputErrors.Message("Field_NotOneOf", "scope", "mine, group, all"));
        if (statusName is not ("open" or "done")) errors.Add("status", InputErrors.Message("Field_NotOneOf", "status", "open, done"));
        errors.ThrowIfAny();

        var me = user.UserId ?? "";
        var groups = TaskAccess.GroupsOf(user).ToList();
        var open = statusName == "open";
        int total;
        List<PageRow> page;
        if (scopeName == "mine" && user.UserId is not null)
        {
            (total, page) = await MineAsync(me, open, skip, take, cancellationToken);
        }
        else
        {
            var tasks = TaskAccess.Visible(db, user, CaseScope.For(user, tree));
            tasks = open ? tasks.Where(t => t.Status == WorkTaskStatus.Open) : tasks.Where(t => t.Status != WorkTaskStatus.Open);
            if (scopeName == "mine")
                tasks = tasks.Where(t => t.ClaimedByUserId == me || (t.ClaimedByUserId == null && t.AssigneeUserId == me) || t.CompletedByUserId == me);
            else if (scopeName == "group")
                tasks = tasks.Where(t => t.CandidateGroup != null && groups.Contains(t.CandidateGroup) && t.ClaimedByUserId == null && t.AssigneeUserId == null);
            total = await tasks.CountAsync(cancellationToken);
            page = await WithCasesAsync(await Columns(tasks.OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id).Skip(skip).Take(take))
                .ToListAsync(cancellationToken), cancellationToken);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var items = page.Select(x => new TaskListItem(x.T.Id, x.T.Title, x.T.Kind, x.T.Status, x.T.CaseId, x.FileNumber, x.Name,
                x.T.AssigneeUserId, x.T.CandidateGroup, x.T.ClaimedByUserId, x.T.CreatedAtUtc, x.T.DueAtUtc,
                x.T.Status == WorkTaskStatus.Open && x.T.DueAtUtc < now, x.T.CompletedAtUtc, x.T.Outcome, x.T.TargetTier))
            .OrderByDescending(i => i.CreatedAtUtc).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (items.Any(i => WorkTaskKinds.IsApproval(i.Kind)))
            items = await WithRequestsAsync(items, page.Select(x => x.T).ToList(), cancellationToken);
        return new Page<TaskListItem>(items, total, skip, take);
    }

    private sealed record PageRow(WorkTask T, string? FileNumber, string? Name);

    /// <summary>
    /// The caller's own tasks ("mine") as three disjoint parts, each answered from one index in creation order (claimed by
    /// the caller; assigned to them and unclaimed; completed by them and neither of those): a count of each and the first
    /// <c>skip + take</c> of each, merged. The single filter with ORs that this replaces walked every task of the status and
    /// read each row, the slowest read of the inbox with thousands of tasks (issue 15).
    /// </summary>
    private async Task<(int Total, List<PageRow> Page)> MineAsync(string me, bool open, int skip, int take, CancellationToken ct)
    {
        var byStatus = open
            ? db.WorkTasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open)
            : db.WorkTasks.AsNoTracking().Where(t => t.Status != WorkTaskStatus.Open);
        IQueryable<WorkTask>[] parts =
        [
            byStatus.Where(t => t.ClaimedByUserId == me),
            byStatus.Where(t => t.ClaimedByUserId == null && t.AssigneeUserId == me),
            byStatus.Where(t => t.CompletedByUserId == me
                                && ((t.ClaimedByUserId != null && t.ClaimedByUserId != me)
                                    || (t.ClaimedByUserId == null && (t.AssigneeUserId == null || t.AssigneeUserId != me)))),
        ];
        // The total and the page are kept while no case or task changes anywhere (StampedCache, at the version read with the
        // caller's account): an inbox opened again costs no statement of its own. Counting reads every index entry of the
        // caller's tasks. What depends on the clock (overdue) is worked out per request from the rows kept.
        var version = await StampedCache.KeepVersionAsync(db, stamps, ct);
        var key = string.Join('\u001f', "inbox-mine", me, open ? "open" : "done");
        var total = await kept.GetOrComputeAsync(version, key,
            () => parts[0].Select(t => 1).Concat(parts[1].Select(t => 1)).Concat(parts[2].Select(t => 1)).CountAsync(ct));
        // The first skip + take of each part, merged, the page taken and its cases' file numbers and names added, in one
        // statement.
        IQueryable<WorkTask> First(IQueryable<WorkTask> part) => Columns(part.OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id).Take(skip + take));
        var page = await kept.GetOrComputeAsync(version, string.Join('\u001f', key, skip, take), async () =>
        {
            var rows = await First(parts[0]).Concat(First(parts[1])).Concat(First(parts[2]))
                .OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id).Skip(skip).Take(take)
                .Select(t => new
                {
                    Task = t,
                    FileNumber = db.Cases.Where(c => c.Id == t.CaseId).Select(c => c.FileNumber).FirstOrDefault(),
                    Name = db.Cases.Where(c => c.Id == t.CaseId).Select(c => c.Name).FirstOrDefault(),
                })
                .ToListAsync(ct);
            return (IReadOnlyList<PageRow>)[.. rows.Select(x => new PageRow(x.Task, x.FileNumber, x.Name))];
        }, rows => rows.Count);
        return (total, [.. page]);
    }

    /// <summary>
    /// The list's columns, not whole rows: the forms and submitted data (JSON, kilobytes a task) stay out of the sort
    /// (issue 15).
    /// </summary>
    private static IQueryable<WorkTask> Columns(IQueryable<WorkTask> tasks) => tasks.Select(t => new WorkTask
    {
        Id = t.Id, Title = t.Title, Kind = t.Kind, Status = t.Status, CaseId = t.CaseId, InstanceId = t.InstanceId,
        AssigneeUserId = t.AssigneeUserId, CandidateGroup = t.CandidateGroup, ClaimedByUserId = t.ClaimedByUserId,
        CreatedAtUtc = t.CreatedAtUtc, DueAtUtc = t.DueAtUtc, CompletedAtUtc = t.CompletedAtUtc, Outcome = t.Outcome,
        TargetTier = t.TargetTier, Description = t.Description,
    });

    /// <summary>The file number and name of each task's case, in one query for the page.</summary>
    private async Task<List<PageRow>> WithCasesAsync(List<WorkTask> tasks, CancellationToken ct)
    {
        var caseIds = tasks.Select(t => t.CaseId).OfType<string>().Distinct().ToList();
        var cases = caseIds.Count == 0
            ? []
            : await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.FileNumber, c.Name }).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct);
        return [.. tasks.Select(t => t.CaseId is { } id && cases.TryGetValue(id, out var c)
            ? new PageRow(t, c.FileNumber, c.Name)
            : new PageRow(t, null, null))];
    }

    /// <summary>Fills what each approval asks for and who asked, in two queries for the whole page.</summary>
    private async Task<List<TaskListItem>> WithRequestsAsync(List<TaskListItem> items, List<WorkTask> tasks, CancellationToken cancellationToken)
    {
        var approvals = tasks.Where(t => WorkTaskKinds.IsApproval(t.Kind)).ToList();
        var instanceIds = approvals.Select(t => t.InstanceId).OfType<string>().Distinct().ToList();
        var caseIds = approvals.Select(t => t.CaseId).OfType<string>().Distinct().ToList();
        var steps = await db.WorkTasks.AsNoTracking()
            .Where(t => t.InstanceId != null && instanceIds.Contains(t.InstanceId) && t.CompletedByUserId != null && !EF.Functions.Like(t.Kind, WorkTaskKinds.ApprovalPrefix + "%"))
            .Select(t => new { t.InstanceId, t.CompletedAtUtc, t.CompletedByUserId })
            .ToListAsync(cancellationToken);
        var acts = await db.TimelineEntries.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && e.ActorUserId != null)
            .Select(e => new { e.CaseId, e.AtUtc, e.ActorUserId })
            .ToListAsync(cancellationToken);
        var caseworkers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseworkerUserId }).ToDictionaryAsync(c => c.Id, c => c.CaseworkerUserId, cancellationToken);
        var staff = await Workflow.StaffDirectory.LoadAsync(db, cancellationToken);
        var byId = approvals.ToDictionary(t => t.Id, StringComparer.Ordinal);
        return items.Select(item =>
        {
            if (!byId.TryGetValue(item.Id, out var task)) return item;
            var requester = steps.Where(s => s.InstanceId == task.InstanceId && s.CompletedAtUtc <= task.CreatedAtUtc)
                                .OrderByDescending(s => s.CompletedAtUtc).FirstOrDefault()?.CompletedByUserId
                            ?? acts.Where(a => a.CaseId == task.CaseId && a.AtUtc <= task.CreatedAtUtc)
                                .OrderByDescending(a => a.AtUtc).FirstOrDefault()?.ActorUserId
                            ?? (task.CaseId is { } caseId ? caseworkers.GetValueOrDefault(caseId) : null);
            return item with { Description = task.Description, RequestedBy = requester is null ? null : staff.NameOf(requester) };
        }).ToList();
    }
}
