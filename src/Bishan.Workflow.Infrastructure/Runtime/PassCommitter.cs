using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Writes one execution pass in one short transaction: burn the resumed bookmark (if any), update the
/// instance only if its concurrency token is still the one read, delete removed bookmarks, insert added
/// bookmarks, journal rows and incidents, apply the activities' side effects. The scheduler hears of timers only after the commit.
/// </summary>
internal sealed class PassCommitter(IWorkflowScheduler scheduler, TimeProvider time, IEnumerable<IWorkflowEffectHandler> effectHandlers)
{
    private readonly IWorkflowEffectHandler[] _effectHandlers = [.. effectHandlers];

    /// <param name="row">The instance row as read, tracked by <paramref name="db"/>; its token is checked and bumped.</param>
    /// <param name="timersBefore">Ids of the state's timer bookmarks before the pass, to unschedule those removed.</param>
    public async Task<CommitOutcome> CommitAsync(BishanDbContext db, WorkflowInstanceRecord row, WorkflowDefinition definition,
        ExecutionResult result, IReadOnlySet<string> timersBefore, string? resumedBookmarkId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pass = new WorkflowPass(row.Id, row.DefinitionId, row.DefinitionVersion, row.CorrelationId, result, resumedBookmarkId);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (resumedBookmarkId is not null)
            {
                // The first write of the transaction: on SQLite it takes the write lock, and exactly one
                // racer sees a row deleted. Losers roll back having written nothing.
                var burned = await db.WorkflowBookmarks.Where(b => b.Id == resumedBookmarkId).ExecuteDeleteAsync(ct);
                if (burned == 0)
                {
                    await tx.RollbackAsync(ct);
                    return CommitOutcome.BookmarkAlreadyBurned;
                }
                db.WorkflowResumedBookmarks.Add(new WorkflowResumedBookmarkRecord { Id = resumedBookmarkId, InstanceId = row.Id, ResumedAtUtc = now });
            }

            var removed = result.RemovedBookmarkIds.Where(id => id != resumedBookmarkId).ToList();
            if (removed.Count > 0)
                await db.WorkflowBookmarks.Where(b => removed.Contains(b.Id)).ExecuteDeleteAsync(ct);

            InstanceRecords.Apply(row, result.State, definition, now);
            db.WorkflowBookmarks.AddRange(result.AddedBookmarks.Select(b => InstanceRecords.ToRecord(row.Id, b)));
            db.WorkflowJournal.AddRange(result.Journal.Select(j => InstanceRecords.ToRecord(row.Id, j)));
            db.WorkflowIncidents.AddRange(result.NewIncidents.Select(i => InstanceRecords.ToRecord(row.Id, i)));
            foreach (var handler in _effectHandlers)
                await handler.ApplyAsync(db, pass, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return CommitOutcome.InstanceChanged;
            }
            await tx.CommitAsync(ct);
        }

        foreach (var b in result.AddedBookmarks)
            if (b.ResumeAtUtc is { } at)
                scheduler.ScheduleBookmark(b.Id, at);
        foreach (var id in result.RemovedBookmarkIds)
            if (timersBefore.Contains(id))
                scheduler.UnscheduleBookmark(id);
        foreach (var handler in _effectHandlers)
            await handler.AfterCommitAsync(pass, ct);
        return CommitOutcome.Committed;
    }

    public static IReadOnlySet<string> Timers(WorkflowState state) =>
        state.Bookmarks.Where(b => b.ResumeAtUtc is not null).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
}
