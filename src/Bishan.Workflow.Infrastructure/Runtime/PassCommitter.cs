using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Transactions;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Writes one execution pass in one short transaction (or a savepoint of the use case's, <see cref="PassTransaction"/>):
/// burn the resumed bookmark (if any), update the instance only if its concurrency token is still the one read, delete
/// removed bookmarks, insert added bookmarks, journal rows and incidents, apply the activities' side effects, and write
/// the after-commit work (timer jobs, follow-up starts and events) as outbox rows in the same transaction. The outbox
/// dispatcher carries them out once the transaction has committed.
/// </summary>
/// <remarks>
/// An effect handler that throws (a domain gate refusing an effect, e.g. registering a case without an approved
/// registration) undoes the whole pass: nothing of it is written. The instance is then stored as it was before the
/// pass, faulted, with an incident carrying the handler's message, so an administrator sees why and can retry once
/// the cause is fixed (retrying continues from the pre-pass state; a refused resume can simply be repeated).
/// </remarks>
internal sealed class PassCommitter(OutboxDispatcher outbox, TimeProvider time, IEnumerable<IWorkflowEffectHandler> effectHandlers)
{
    private readonly IWorkflowEffectHandler[] _effectHandlers = [.. effectHandlers];

    /// <param name="row">The instance row as read (untracked); its token is checked and bumped by a plain UPDATE.</param>
    /// <param name="timersBefore">Ids of the state's timer bookmarks before the pass, to unschedule those removed.</param>
    public async Task<CommitOutcome> CommitAsync(RuntimeSession session, WorkflowInstanceRecord row, WorkflowDefinition definition,
        ExecutionResult result, IReadOnlySet<string> timersBefore, string? resumedBookmarkId, CancellationToken ct,
        JsonNode? resumeInput = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pass = new WorkflowPass(row.Id, row.DefinitionId, row.DefinitionVersion, row.CorrelationId, result, resumedBookmarkId)
        {
            ResumeInput = resumeInput,
        };
        var before = (StateJson: row.StateJson, Token: row.ConcurrencyToken);
        var indexed = PassWriter.IndexedValues.Of(row);
        var db = session.Db;
        List<string> outboxIds;
        List<OutboxIntent> intents;
        bool joined;
        await using (var tx = await PassTransaction.BeginAsync(db, ct))
        {
            joined = tx.IsJoined;
            var writer = new PassWriter(session.Commands, tx.DbTransaction);

            // The burn is the first write of the transaction: on SQLite it takes the write lock, and exactly one
            // racer sees a row deleted. Losers roll back having written nothing.
            InstanceRecords.Apply(row, result.State, definition, now);
            switch (await writer.BeginPassAsync(tx.TakePendingSavepoint(), resumedBookmarkId, row, indexed, before.Token, now, ct))
            {
                case PassWriter.FirstWrites.AlreadyBurned:
                    await tx.RollbackAsync(ct);
                    row.ConcurrencyToken = before.Token;
                    return CommitOutcome.BookmarkAlreadyBurned;
                case PassWriter.FirstWrites.InstanceChanged:
                    await tx.RollbackAsync(ct);
                    row.ConcurrencyToken = before.Token;
                    db.ChangeTracker.Clear();
                    return CommitOutcome.InstanceChanged;
            }
            await writer.DeleteBookmarksAsync(result.RemovedBookmarkIds.Where(id => id != resumedBookmarkId), ct);
            await writer.InsertBookmarksAsync(result.AddedBookmarks.Select(b => InstanceRecords.ToRecord(row.Id, b)), ct);
            await writer.InsertJournalAsync(JournalJson.ToRecord(row.Id, result.Journal), row.LastJournalId, ct);
            await writer.InsertIncidentsAsync(result.NewIncidents.Select(i => InstanceRecords.ToRecord(row.Id, i)), ct);
            // The follow-ups come from the pass's effects alone, so their rows go with the pass's own (one round trip where
            // the provider batches); a refused effect below rolls them back with the rest.
            intents = Intents(pass, timersBefore);
            outboxIds = await writer.InsertOutboxAsync(intents, now, ct);
            await writer.FlushAsync(ct);

            try
            {
                foreach (var handler in _effectHandlers)
                    await handler.ApplyAsync(db, pass, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await CommitRefusedAsync(db, row, definition, before, ex, now, ct);
            }
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
                    row.ConcurrencyToken = before.Token;
                    db.ChangeTracker.Clear();
                    return CommitOutcome.InstanceChanged;
                }
            }
            await tx.CommitAsync(ct);
        }

        // Inside a use case the rows are dispatched when the use case has committed; on its own, now.
        // Timers inside a use case go to the dispatcher's pump, so that the request does not wait for Hangfire.
        if (joined)
            UnitOfWork.Current?.AddOutbox(outboxIds.Where((_, i) => !intents[i].IsTimer), outboxIds.Where((_, i) => intents[i].IsTimer));
        else await outbox.DispatchAsync(outboxIds);
        return CommitOutcome.Committed;
    }

    /// <summary>The pass's after-commit work: its timers, then what the effect handlers ask for.</summary>
    private List<OutboxIntent> Intents(WorkflowPass pass, IReadOnlySet<string> timersBefore)
    {
        var intents = new List<OutboxIntent>();
        foreach (var b in pass.Result.AddedBookmarks)
            if (b.ResumeAtUtc is { } at)
                intents.Add(OutboxIntent.Schedule(b.Id, at));
        foreach (var id in pass.Result.RemovedBookmarkIds)
            if (timersBefore.Contains(id))
                intents.Add(OutboxIntent.Unschedule(id));
        foreach (var handler in _effectHandlers)
            intents.AddRange(handler.FollowUps(pass));
        return intents;
    }

    /// <summary>Stores the pre-pass state, faulted, with an incident saying which effect was refused and why.</summary>
    private static async Task<CommitOutcome> CommitRefusedAsync(BishanDbContext db, WorkflowInstanceRecord row, WorkflowDefinition definition,
        (string StateJson, long Token) before, Exception refusal, DateTime now, CancellationToken ct)
    {
        var state = WorkflowStateSerializer.Deserialize(before.StateJson);
        var node = refusal is WorkflowEffectRefusedException { NodeId: { } nodeId } && DefinitionIndex.For(definition).ByNodeId.TryGetValue(nodeId, out var n)
            ? n
            : null;
        var incident = new Incident(Guid.NewGuid().ToString("N"), node?.Id ?? "", node?.NodeId ?? "", node?.Type ?? "(effect)",
            refusal.Message, (refusal as WorkflowEffectRefusedException)?.Code ?? refusal.GetType().Name, now);
        state.Incidents.Add(incident);
        state.SubStatus = WorkflowSubStatus.Faulted;

        row.StateJson = before.StateJson;
        row.ConcurrencyToken = before.Token;
        db.WorkflowInstances.Attach(row);
        InstanceRecords.Apply(row, state, definition, now);
        db.WorkflowIncidents.Add(InstanceRecords.ToRecord(row.Id, incident));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommitOutcome.InstanceChanged;
        }
        return CommitOutcome.Committed;
    }

    public static IReadOnlySet<string> Timers(WorkflowState state) =>
        state.Bookmarks.Where(b => b.ResumeAtUtc is not null).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
}
