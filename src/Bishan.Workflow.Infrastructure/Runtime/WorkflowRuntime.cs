using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Diagnostics;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Runs instances against the store. Each pass is committed in one transaction guarded by the instance's
/// concurrency token; resuming also burns the bookmark row first, so that of many racers exactly one wins.
/// </summary>
/// <remarks>
/// Resuming an id whose bookmark does not wait answers <see cref="ResumeOutcome.AlreadyResumed"/>
/// when its row is burned (it was resumed before, e.g. a timer job that fires twice) and
/// <see cref="ResumeOutcome.NotFound"/> otherwise (never issued, or removed without being resumed,
/// e.g. the branch was cancelled). Neither writes anything.
/// </remarks>
internal sealed class WorkflowRuntime(
    RuntimeSessionPool sessions,
    DefinitionCache definitions,
    WorkflowExecutor executor,
    PassCommitter committer,
    InstanceLeases leases,
    TimeProvider time,
    WorkflowMetrics metrics) : IWorkflowRuntime
{
    /// <summary>Another bookmark of the same instance can win each round; this bounds the rounds.</summary>
    internal const int MaxResumeAttempts = 20;

    public async Task<InstanceSummary> StartAsync(string definitionId, IReadOnlyDictionary<string, JsonNode?>? input, string? correlationId, CancellationToken ct = default)
    {
        await using var lease = await sessions.RentAsync(ct);
        var version = await InstanceReads.PublishedVersionAsync(lease.Session, definitionId, ct)
                      ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no published version.");
        return await StartVersionAsync(lease.Session, version.Id, new StartWorkflowRequest { Input = input, CorrelationId = correlationId }, ct);
    }

    public async Task<InstanceSummary?> StartFromTriggerAsync(string definitionId, int version, string activityNodeId, CancellationToken ct = default)
    {
        await using var lease = await sessions.RentAsync(ct);
        var published = await InstanceReads.PublishedVersionAsync(lease.Session, definitionId, ct);

        // A schedule that outlived its version (republished or retracted meanwhile) starts nothing.
        if (published is not { } p || p.Version != version) return null;
        var definition = await definitions.GetAsync(lease.Session.Db, p.Id, ct);
        if (!DefinitionIndex.For(definition).ByNodeId.ContainsKey(activityNodeId)) return null;
        return await StartVersionAsync(lease.Session, p.Id, new StartWorkflowRequest { TriggerNodeId = activityNodeId }, ct);
    }

    public async Task<ResumeResult> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken ct = default)
    {
        var started = time.GetTimestamp();
        var result = await ResumeOnceCommittedAsync(bookmarkId, input, ct);
        metrics.RecordResume(time.GetElapsedTime(started), result.Outcome.ToString());
        return result;
    }

    private async Task<ResumeResult> ResumeOnceCommittedAsync(string bookmarkId, JsonNode? input, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxResumeAttempts; attempt++)
        {
            await using var lease = await sessions.RentAsync(ct);
            var session = lease.Session;
            var row = await InstanceReads.ByBookmarkAsync(session, bookmarkId, ct);
            if (row is null) return await MissingBookmarkAsync(session.Db, bookmarkId, ct);

            var definition = await definitions.GetAsync(session.Db, row.DefinitionVersionId, ct);
            var state = WorkflowStateSerializer.Deserialize(row.StateJson);

            // One query read both rows from one snapshot, so this only happens if the store was edited by hand.
            if (state.Bookmarks.All(b => b.Id != bookmarkId))
                return new ResumeResult(ResumeOutcome.NotFound, InstanceRecords.ToSummary(row));

            var timers = PassCommitter.Timers(state);
            var result = await executor.ResumeAsync(definition, state, bookmarkId, input, ct);
            switch (await committer.CommitAsync(session, row, definition, result, timers, bookmarkId, ct, input))
            {
                case CommitOutcome.Committed:
                    return new ResumeResult(ResumeOutcome.Resumed, InstanceRecords.ToSummary(row));
                case CommitOutcome.BookmarkAlreadyBurned:
                    return new ResumeResult(ResumeOutcome.AlreadyResumed, await SummaryAsync(row.Id, ct));
            }
        }
        throw new WorkflowConflictException($"Bookmark '{bookmarkId}' could not be resumed: its instance kept changing ({MaxResumeAttempts} attempts).");
    }

    public async Task<TriggerResult> TriggerEventAsync(string eventName, string? correlationId, string? instanceId, JsonNode? input, CancellationToken ct = default)
    {
        List<string> bookmarkIds;
        List<WorkflowTriggerRecord> triggers = [];
        await using (var lease = await sessions.RentAsync(ct))
        {
            var db = lease.Session.Db;
            var query = db.WorkflowBookmarks.AsNoTracking().Where(b => b.Name == Event.BookmarkName && b.BurnedAtUtc == null && b.Key == eventName);
            if (correlationId is not null) query = query.Where(b => b.CorrelationId == correlationId);
            if (instanceId is not null) query = query.Where(b => b.InstanceId == instanceId);
            bookmarkIds = await query.OrderBy(b => b.CreatedAtUtc).Select(b => b.Id).ToListAsync(ct);
            if (instanceId is null)
                triggers = await db.WorkflowTriggers.AsNoTracking()
                    .Where(t => t.Name == Event.BookmarkName && t.Key == eventName).ToListAsync(ct);
        }

        // Resume first, so that instances started by this event do not also consume it.
        var resumed = new List<string>();
        foreach (var id in bookmarkIds)
            if (await ResumeAsync(id, input, ct) is { Outcome: ResumeOutcome.Resumed, Instance: { } instance } && !resumed.Contains(instance.Id))
                resumed.Add(instance.Id);

        var started = new List<string>();
        foreach (var trigger in triggers)
        {
            await using var lease = await sessions.RentAsync(ct);
            var published = await InstanceReads.PublishedVersionAsync(lease.Session, trigger.DefinitionId, ct);
            if (published is not { } p || p.Version != trigger.DefinitionVersion) continue;
            var request = new StartWorkflowRequest { CorrelationId = correlationId, TriggerNodeId = trigger.NodeId, TriggerInput = input?.DeepClone() };
            started.Add((await StartVersionAsync(lease.Session, p.Id, request, ct)).Id);
        }
        return new TriggerResult(started, resumed);
    }

    public async Task<InstanceSummary> RetryAsync(string instanceId, CancellationToken ct = default)
    {
        await using var lease = await sessions.RentAsync(ct);
        var (row, definition, state) = await LoadAsync(lease.Session, instanceId, ct);
        if (row.SubStatus != WorkflowSubStatus.Faulted)
            throw new WorkflowConflictException($"Instance '{instanceId}' is {row.SubStatus}; only a faulted instance can be retried.");
        var timers = PassCommitter.Timers(state);
        var result = await executor.RetryAsync(definition, state, ct);
        return await CommitOrConflictAsync(lease.Session, row, definition, result, timers, ct);
    }

    public async Task<InstanceSummary> CancelAsync(string instanceId, CancellationToken ct = default)
    {
        await using var lease = await sessions.RentAsync(ct);
        var (row, definition, state) = await LoadAsync(lease.Session, instanceId, ct);
        if (row.Status != WorkflowStatus.Running)
            throw new WorkflowConflictException($"Instance '{instanceId}' is {row.SubStatus}; only a running instance can be cancelled.");
        var timers = PassCommitter.Timers(state);
        var result = executor.Cancel(definition, state);
        return await CommitOrConflictAsync(lease.Session, row, definition, result, timers, ct);
    }

    /// <summary>
    /// Continues instances whose stored sub-status is Executing and whose lease has expired: a start persists the new
    /// instance as Executing (leased to its node) before running it, and only a crash (or a cancelled start) leaves it
    /// so. Called at start-up and periodically by every node; a claim makes each instance recovered by one node.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct = default)
    {
        List<string> ids;
        var now = time.GetUtcNow().UtcDateTime;
        await using (var lease = await sessions.RentAsync(ct))
            ids = await lease.Session.Db.WorkflowInstances.AsNoTracking()
                .Where(i => i.SubStatus == WorkflowSubStatus.Executing && (i.LeaseExpiresAtUtc == null || i.LeaseExpiresAtUtc < now))
                .OrderBy(i => i.CreatedAtUtc).Select(i => i.Id).ToListAsync(ct);

        var recovered = 0;
        foreach (var id in ids)
        {
            await using var lease = await sessions.RentAsync(ct);
            // Only an expired lease may be taken over: the node that holds a live one is still running the pass.
            if (!await leases.TryClaimAsync(lease.Session.Db, id, ct)) continue;
            using var held = leases.Hold(id);
            var (row, definition, state) = await LoadAsync(lease.Session, id, ct);
            if (row.SubStatus != WorkflowSubStatus.Executing) continue;
            var result = await executor.ContinueAsync(definition, state, row.TriggerNodeId,
                WorkflowStateSerializer.ParseNode(row.TriggerInputJson), ct);
            if (await committer.CommitAsync(lease.Session, row, definition, result, PassCommitter.Timers(state), null, ct) == CommitOutcome.Committed)
                recovered++;
        }
        return recovered;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /// <summary>
    /// Stores the new instance as Executing with only its root queued, then runs it and commits the pass.
    /// A crash in between leaves a row that <see cref="RecoverInterruptedAsync"/> continues.
    /// </summary>
    private async Task<InstanceSummary> StartVersionAsync(RuntimeSession session, string versionId, StartWorkflowRequest request, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(session.Db, versionId, ct);
        var state = executor.CreateState(definition, request);
        state.SubStatus = WorkflowSubStatus.Executing;
        var now = time.GetUtcNow().UtcDateTime;
        var row = new WorkflowInstanceRecord
        {
            Id = state.InstanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            DefinitionVersionId = versionId,
            TriggerNodeId = request.TriggerNodeId,
            TriggerInputJson = WorkflowStateSerializer.SerializeNode(request.TriggerInput),
            CreatedAtUtc = now,
        };
        InstanceRecords.Apply(row, state, definition, now);
        // Leased to this node while its first pass runs, so that no other node recovers it meanwhile.
        row.LeaseOwner = leases.Owner;
        row.LeaseExpiresAtUtc = leases.ExpiryFromNow();
        await new PassWriter(session.Commands, session.Transaction).InsertInstanceAsync(row, ct);

        using var held = leases.Hold(row.Id);
        var result = await executor.ContinueAsync(definition, state, request.TriggerNodeId, request.TriggerInput, ct);
        return await CommitOrConflictAsync(session, row, definition, result, new HashSet<string>(), ct);
    }

    private async Task<InstanceSummary> CommitOrConflictAsync(RuntimeSession session, WorkflowInstanceRecord row, WorkflowDefinition definition,
        ExecutionResult result, IReadOnlySet<string> timers, CancellationToken ct) =>
        await committer.CommitAsync(session, row, definition, result, timers, null, ct) == CommitOutcome.Committed
            ? InstanceRecords.ToSummary(row)
            : throw new WorkflowConflictException($"Instance '{row.Id}' was changed by someone else meanwhile; try again.");

    private async Task<(WorkflowInstanceRecord Row, WorkflowDefinition Definition, WorkflowState State)> LoadAsync(
        RuntimeSession session, string instanceId, CancellationToken ct)
    {
        var row = await InstanceReads.ByIdAsync(session, instanceId, ct)
                  ?? throw new WorkflowNotFoundException($"Workflow instance '{instanceId}' does not exist.");
        var definition = await definitions.GetAsync(session.Db, row.DefinitionVersionId, ct);
        return (row, definition, WorkflowStateSerializer.Deserialize(row.StateJson));
    }

    private static async Task<ResumeResult> MissingBookmarkAsync(BishanDbContext db, string bookmarkId, CancellationToken ct)
    {
        var instanceId = await db.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.Id == bookmarkId && b.BurnedAtUtc != null).Select(b => b.InstanceId).FirstOrDefaultAsync(ct);
        if (instanceId is null) return new ResumeResult(ResumeOutcome.NotFound, null);
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        return new ResumeResult(ResumeOutcome.AlreadyResumed, instance is null ? null : InstanceRecords.ToSummary(instance));
    }

    private async Task<InstanceSummary?> SummaryAsync(string instanceId, CancellationToken ct)
    {
        await using var lease = await sessions.RentAsync(ct);
        var row = await InstanceReads.ByIdAsync(lease.Session, instanceId, ct);
        return row is null ? null : InstanceRecords.ToSummary(row);
    }
}
