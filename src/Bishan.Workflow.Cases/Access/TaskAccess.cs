using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Access;

/// <summary>
/// Which tasks a user may see and which they may act on. Seeing follows the case (<see cref="CaseScope"/>), plus the
/// tasks put in the user's hands (assigned, claimed, completed by them, offered to their candidate group); tasks about
/// no case (meeting minutes) belong to their unit. Acting needs the task in hand: the claimer, else the assignee, else
/// a member of the candidate group.
/// </summary>
public static class TaskAccess
{
    /// <summary>
    /// Whether the user's role may act on this task at all: a role that changes data, or 区督查办 on the tasks offered to its
    /// own group (it writes nothing but supervision), or a guidance worker on the tasks offered to guidance workers. Holding the task is checked separately (<see cref="Holds"/>).
    /// </summary>
    public static bool MayWorkOn(ICurrentUser user, WorkTask task) =>
        Permissions.MayWrite(user) || (user.IsInRole(Vocabulary.Roles.Inspector) && Supervision.SupervisionAccess.IsInspectorTask(task))
        || (user.IsInRole(Vocabulary.Roles.GuidanceWorker) && FamilyEducation.FamilyEducationAccess.IsGuidanceTask(task));

    /// <exception cref="ForbiddenException">The user's role may not act on this task.</exception>
    public static void EnsureMayWorkOn(ICurrentUser user, WorkTask task)
    {
        if (!MayWorkOn(user, task)) Permissions.EnsureMayWrite(user);
    }

    /// <summary>The user's candidate groups, <c>Role@orgUnit</c> for each of their roles.</summary>
    public static IReadOnlyList<string> GroupsOf(ICurrentUser user) =>
        user.OrgUnitId is { } unit ? [.. user.Roles.Select(r => $"{r}@{unit}")] : [];

    public static IQueryable<WorkTask> Visible(ICasesDbContext db, ICurrentUser user, CaseScope scope)
    {
        var tasks = db.WorkTasks.AsNoTracking();
        if (scope.SeesAll) return tasks;
        var me = user.UserId;
        var unit = user.OrgUnitId;
        var groups = GroupsOf(user).ToList();
        var caseIds = scope.Apply(db.Cases).Select(c => c.Id);
        return tasks.Where(t => (me != null && (t.AssigneeUserId == me || t.ClaimedByUserId == me || t.CompletedByUserId == me))
            || (t.CandidateGroup != null && groups.Contains(t.CandidateGroup))
            || (t.CaseId != null && caseIds.Contains(t.CaseId))
            || (t.CaseId == null && unit != null && t.OrgUnitId == unit));
    }

    /// <summary>The task, untracked (the runtime may change it while the use case runs).</summary>
    /// <exception cref="NotFoundException">No such task.</exception>
    /// <exception cref="ForbiddenException">The task is out of the user's scope.</exception>
    public static async Task<WorkTask> LoadVisibleAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string taskId, CancellationToken ct)
    {
        var task = await db.WorkTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct)
                   ?? throw new NotFoundException(UseCaseStrings.Format("Task_NotFound", taskId));
        var scope = CaseScope.For(user, tree);
        // The parts of the visibility rule that the row alone answers (the usual case: the caller's own task) need no query.
        var visible = scope.SeesAll || IsDirectlyVisible(user, task) || await Visible(db, user, scope).AnyAsync(t => t.Id == taskId, ct);
        if (!visible) throw new ForbiddenException(UseCaseStrings.Format("Task_Forbidden", task.Title));
        return task;
    }

    /// <summary>The first two parts of <see cref="Visible"/>: assigned to, claimed or completed by the user, or offered to one of their groups.</summary>
    private static bool IsDirectlyVisible(ICurrentUser user, WorkTask task) =>
        (user.UserId is { } me && (task.AssigneeUserId == me || task.ClaimedByUserId == me || task.CompletedByUserId == me))
        || IsInGroup(user, task);

    public static bool IsInGroup(ICurrentUser user, WorkTask task) =>
        task.CandidateGroup is { } group && GroupsOf(user).Contains(group, StringComparer.Ordinal);

    /// <summary>Whether the user holds the task: its claimer, else its assignee, else a member of its candidate group.</summary>
    public static bool Holds(ICurrentUser user, WorkTask task) =>
        user.UserId is { } me && (task.ClaimedByUserId is { } claimer
            ? claimer == me
            : task.AssigneeUserId is { } assignee ? assignee == me : IsInGroup(user, task));

    /// <exception cref="ConflictException">The task is no longer open.</exception>
    public static void EnsureOpen(WorkTask task)
    {
        if (task.Status != WorkTaskStatus.Open) throw new ConflictException(UseCaseStrings.Format("Task_AlreadyCompleted", task.Title));
    }

    /// <exception cref="ForbiddenException">The user does not hold the task.</exception>
    public static void EnsureHolds(ICurrentUser user, WorkTask task)
    {
        if (!Holds(user, task)) throw new ForbiddenException(UseCaseStrings.Format("Task_NotYours", task.Title));
    }

    /// <summary>Loads the task tracked for a change and checks nobody completed it meanwhile.</summary>
    public static async Task<WorkTask> LoadForChangeAsync(ICasesDbContext db, string taskId, CancellationToken ct)
    {
        var task = await db.WorkTasks.FirstAsync(t => t.Id == taskId, ct);
        EnsureOpen(task);
        return task;
    }

    /// <summary>Saves, turning a lost race on the task's concurrency token into a 409.</summary>
    public static async Task SaveAsync(ICasesDbContext db, WorkTask task, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(UseCaseStrings.Format("Task_ChangedMeanwhile", task.Title));
        }
    }
}
