using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
        var readToken = row.ConcurrencyToken;
        // The runtime's rows are written by hand (see PassWriter); EF must not write the instance row again.
        if (db.Entry(row).State != EntityState.Detached) db.Entry(row).State = EntityState.Detached;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var writer = new PassWriter(db.Database.GetDbConnection(), tx.GetDbTransaction());

            // The first write of the transaction: on SQLite it takes the write lock, and exactly one
            // racer sees a row deleted. Losers roll back having written nothing.
            if (resumedBookmarkId is not null && !await writer.BurnBookmarkAsync(resumedBookmarkId, row.Id, now, ct))
            {
                await tx.RollbackAsync(ct);
                return CommitOutcome.BookmarkAlreadyBurned;
            }

            InstanceRecords.Apply(row, result.State, definition, now);
            if (!await writer.UpdateInstanceAsync(row, readToken, ct))
            {
                await tx.RollbackAsync(ct);
                row.ConcurrencyToken = readToken;
                db.ChangeTracker.Clear();
                return CommitOutcome.InstanceChanged;
            }
            await writer.DeleteBookmarksAsync(result.RemovedBookmarkIds.Where(id => id != resumedBookmarkId), ct);
            await writer.InsertBookmarksAsync(result.AddedBookmarks.Select(b => InstanceRecords.ToRecord(row.Id, b)), ct);
            await writer.InsertJournalAsync(result.Journal.Select(j => InstanceRecords.ToRecord(row.Id, j)).ToList(), ct);
            await writer.InsertIncidentsAsync(result.NewIncidents.Select(i => InstanceRecords.ToRecord(row.Id, i)), ct);

            foreach (var handler in _effectHandlers)
                await handler.ApplyAsync(db, pass, ct);
            if (db.ChangeTracker.HasChanges())
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // A domain row the effects touched changed under us: run the pass again from fresh state.
                    await tx.RollbackAsync(ct);
                    row.ConcurrencyToken = readToken;
                    db.ChangeTracker.Clear();
                    return CommitOutcome.InstanceChanged;
                }
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
