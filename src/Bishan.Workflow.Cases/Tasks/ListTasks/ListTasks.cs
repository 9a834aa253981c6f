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

public sealed class ListTasksHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
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
        // "mine" is a subset of what the caller may see (a task in their hands is visible whatever its case), so it skips
        // the scope filter, whose sub-query over the cases made the inbox the slowest read with many tasks (issue 15).
        var tasks = scopeName == "mine" && user.UserId is not null
            ? db.WorkTasks.AsNoTracking()
            : TaskAccess.Visible(db, user, CaseScope.For(user, tree));
        tasks = statusName == "open" ? tasks.Where(t => t.Status == WorkTaskStatus.Open) : tasks.Where(t => t.Status != WorkTaskStatus.Open);
        tasks = scopeName switch
        {
            "mine" => tasks.Where(t => t.ClaimedByUserId == me || (t.ClaimedByUserId == null && t.AssigneeUserId == me) || t.CompletedByUserId == me),
            "group" => tasks.Where(t => t.CandidateGroup != null && groups.Contains(t.CandidateGroup) && t.ClaimedByUserId == null && t.AssigneeUserId == null),
            _ => tasks,
        };

        var total = await tasks.CountAsync(cancellationToken);
        // A projection of the list's columns, not whole rows: the forms and submitted data (JSON, kilobytes a task) stayed
        // out of the sort of every matching task (issue 15).
        var page = await tasks.OrderByDescending(t => t.CreatedAtUtc).ThenBy(t => t.Id).Skip(skip).Take(take)
            .Select(t => new WorkTask
            {
                Id = t.Id, Title = t.Title, Kind = t.Kind, Status = t.Status, CaseId = t.CaseId, InstanceId = t.InstanceId,
                AssigneeUserId = t.AssigneeUserId, CandidateGroup = t.CandidateGroup, ClaimedByUserId = t.ClaimedByUserId,
                CreatedAtUtc = t.CreatedAtUtc, DueAtUtc = t.DueAtUtc, CompletedAtUtc = t.CompletedAtUtc, Outcome = t.Outcome,
                TargetTier = t.TargetTier, Description = t.Description,
            })
            .GroupJoin(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (t, cs) => new { t, cs })
            .SelectMany(x => x.cs.DefaultIfEmpty(), (x, c) => new { x.t, FileNumber = c == null ? null : c.FileNumber, Name = c == null ? null : c.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var items = page.Select(x => new TaskListItem(x.t.Id, x.t.Title, x.t.Kind, x.t.Status, x.t.CaseId, x.FileNumber, x.Name,
                x.t.AssigneeUserId, x.t.CandidateGroup, x.t.ClaimedByUserId, x.t.CreatedAtUtc, x.t.DueAtUtc,
                x.t.Status == WorkTaskStatus.Open && x.t.DueAtUtc < now, x.t.CompletedAtUtc, x.t.Outcome, x.t.TargetTier))
            .OrderByDescending(i => i.CreatedAtUtc).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (items.Any(i => WorkTaskKinds.IsApproval(i.Kind)))
            items = await WithRequestsAsync(items, page.Select(x => x.t).ToList(), cancellationToken);
        return new Page<TaskListItem>(items, total, skip, take);
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
