using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Definitions;
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
/// Resuming an id whose bookmark row does not exist answers <see cref="ResumeOutcome.AlreadyResumed"/>
/// when the id is recorded in WorkflowResumedBookmarks (it was resumed before, e.g. a timer job that fires
/// twice) and <see cref="ResumeOutcome.NotFound"/> otherwise (never issued, or removed without being resumed,
/// e.g. the branch was cancelled). Neither writes anything.
/// </remarks>
internal sealed class WorkflowRuntime(
    IDbContextFactory<BishanDbContext> dbFactory,
    DefinitionCache definitions,
    WorkflowExecutor executor,
    PassCommitter committer,
    TimeProvider time) : IWorkflowRuntime
{
    /// <summary>Another bookmark of the same instance can win each round; this bounds the rounds.</summary>
    internal const int MaxResumeAttempts = 20;

    public async Task<InstanceSummary> StartAsync(string definitionId, IReadOnlyDictionary<string, JsonNode?>? input, string? correlationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var version = await PublishedVersionAsync(db, definitionId, ct)
                      ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no published version.");
        return await StartVersionAsync(db, version.Id, new StartWorkflowRequest { Input = input, CorrelationId = correlationId }, ct);
    }

    public async Task<InstanceSummary?> StartFromTriggerAsync(string definitionId, int version, string activityNodeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await PublishedVersionAsync(db, definitionId, ct);

        // A schedule that outlived its version (republished or retracted meanwhile) starts nothing.
        if (published is null || published.Version != version) return null;
        var definition = await definitions.GetAsync(db, published.Id, ct);
        if (!DefinitionIndex.For(definition).ByNodeId.ContainsKey(activityNodeId)) return null;
        return await StartVersionAsync(db, published.Id, new StartWorkflowRequest { TriggerNodeId = activityNodeId }, ct);
    }

    public async Task<ResumeResult> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= MaxResumeAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);

            // One connection for the read and the commit (EF would otherwise open and close it for each).
            await db.Database.OpenConnectionAsync(ct);
            var row = await (from b in db.WorkflowBookmarks
                             join i in db.WorkflowInstances on b.InstanceId equals i.Id
                             where b.Id == bookmarkId
                             select i).FirstOrDefaultAsync(ct);
            if (row is null) return await MissingBookmarkAsync(db, bookmarkId, ct);

            var definition = await definitions.GetAsync(db, row.DefinitionVersionId, ct);
            var state = WorkflowStateSerializer.Deserialize(row.StateJson);

            // One query read both rows from one snapshot, so this only happens if the store was edited by hand.
            if (state.Bookmarks.All(b => b.Id != bookmarkId))
                return new ResumeResult(ResumeOutcome.NotFound, InstanceRecords.ToSummary(row));

            var timers = PassCommitter.Timers(state);
            var result = await executor.ResumeAsync(definition, state, bookmarkId, input, ct);
            switch (await committer.CommitAsync(db, row, definition, result, timers, bookmarkId, ct, input))
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
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var query = db.WorkflowBookmarks.AsNoTracking().Where(b => b.Name == Event.BookmarkName && b.Key == eventName);
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
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var published = await PublishedVersionAsync(db, trigger.DefinitionId, ct);
            if (published is null || published.Version != trigger.DefinitionVersion) continue;
            var request = new StartWorkflowRequest { CorrelationId = correlationId, TriggerNodeId = trigger.NodeId, TriggerInput = input?.DeepClone() };
            started.Add((await StartVersionAsync(db, published.Id, request, ct)).Id);
        }
        return new TriggerResult(started, resumed);
    }

    public async Task<InstanceSummary> RetryAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (row, definition, state) = await LoadAsync(db, instanceId, ct);
        if (row.SubStatus != WorkflowSubStatus.Faulted)
            throw new WorkflowConflictException($"Instance '{instanceId}' is {row.SubStatus}; only a faulted instance can be retried.");
        var timers = PassCommitter.Timers(state);
        var result = await executor.RetryAsync(definition, state, ct);
        return await CommitOrConflictAsync(db, row, definition, result, timers, ct);
    }

    public async Task<InstanceSummary> CancelAsync(string instanceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (row, definition, state) = await LoadAsync(db, instanceId, ct);
        if (row.Status != WorkflowStatus.Running)
            throw new WorkflowConflictException($"Instance '{instanceId}' is {row.SubStatus}; only a running instance can be cancelled.");
        var timers = PassCommitter.Timers(state);
        var result = executor.Cancel(definition, state);
        return await CommitOrConflictAsync(db, row, definition, result, timers, ct);
    }

    /// <summary>
    /// Continues instances whose stored sub-status is Executing: a start persists the new instance as
    /// Executing before running it, and only a crash (or a cancelled start) leaves it so. Call at start-up,
    /// before the scheduler delivers anything.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken ct = default)
    {
        List<string> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ids = await db.WorkflowInstances.AsNoTracking().Where(i => i.SubStatus == WorkflowSubStatus.Executing)
                .OrderBy(i => i.CreatedAtUtc).Select(i => i.Id).ToListAsync(ct);

        var recovered = 0;
        foreach (var id in ids)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (row, definition, state) = await LoadAsync(db, id, ct);
            if (row.SubStatus != WorkflowSubStatus.Executing) continue;
            var result = await executor.ContinueAsync(definition, state, row.TriggerNodeId,
                WorkflowStateSerializer.ParseNode(row.TriggerInputJson), ct);
            if (await committer.CommitAsync(db, row, definition, result, PassCommitter.Timers(state), null, ct) == CommitOutcome.Committed)
                recovered++;
        }
        return recovered;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private sealed record PublishedVersion(string Id, int Version);

    private static Task<PublishedVersion?> PublishedVersionAsync(BishanDbContext db, string definitionId, CancellationToken ct) =>
        db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.IsPublished)
            .Select(v => new PublishedVersion(v.Id, v.Version))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Stores the new instance as Executing with only its root queued, then runs it and commits the pass.
    /// A crash in between leaves a row that <see cref="RecoverInterruptedAsync"/> continues.
    /// </summary>
    private async Task<InstanceSummary> StartVersionAsync(BishanDbContext db, string versionId, StartWorkflowRequest request, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(db, versionId, ct);
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
        db.WorkflowInstances.Add(row);
        await db.SaveChangesAsync(ct);

        var result = await executor.ContinueAsync(definition, state, request.TriggerNodeId, request.TriggerInput, ct);
        return await CommitOrConflictAsync(db, row, definition, result, new HashSet<string>(), ct);
    }

    private async Task<InstanceSummary> CommitOrConflictAsync(BishanDbContext db, WorkflowInstanceRecord row, WorkflowDefinition definition,
        ExecutionResult result, IReadOnlySet<string> timers, CancellationToken ct) =>
        await committer.CommitAsync(db, row, definition, result, timers, null, ct) == CommitOutcome.Committed
            ? InstanceRecords.ToSummary(row)
            : throw new WorkflowConflictException($"Instance '{row.Id}' was changed by someone else meanwhile; try again.");

    private async Task<(WorkflowInstanceRecord Row, WorkflowDefinition Definition, WorkflowState State)> LoadAsync(
        BishanDbContext db, string instanceId, CancellationToken ct)
    {
        var row = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, ct)
                  ?? throw new WorkflowNotFoundException($"Workflow instance '{instanceId}' does not exist.");
        var definition = await definitions.GetAsync(db, row.DefinitionVersionId, ct);
        return (row, definition, WorkflowStateSerializer.Deserialize(row.StateJson));
    }

    private static async Task<ResumeResult> MissingBookmarkAsync(BishanDbContext db, string bookmarkId, CancellationToken ct)
    {
        var instanceId = await db.WorkflowResumedBookmarks.AsNoTracking()
            .Where(r => r.Id == bookmarkId).Select(r => r.InstanceId).FirstOrDefaultAsync(ct);
        if (instanceId is null) return new ResumeResult(ResumeOutcome.NotFound, null);
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        return new ResumeResult(ResumeOutcome.AlreadyResumed, instance is null ? null : InstanceRecords.ToSummary(instance));
    }

    private async Task<InstanceSummary?> SummaryAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        return row is null ? null : InstanceRecords.ToSummary(row);
    }
}
