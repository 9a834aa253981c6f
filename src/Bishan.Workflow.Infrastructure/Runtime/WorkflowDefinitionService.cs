using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Versions of definitions: every save adds a version (numbers are assigned here, never taken from the
/// JSON); at most one version per definition is published, and its triggers are the definition's triggers.
/// </summary>
internal sealed class WorkflowDefinitionService(
    IDbContextFactory<BishanDbContext> dbFactory,
    DefinitionCache definitions,
    WorkflowValidator validator,
    TriggerExtractor triggerExtractor,
    IWorkflowScheduler scheduler,
    TimeProvider time) : IWorkflowDefinitionService
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<DefinitionCommandResult> ImportAsync(string json, bool publish, string? user, CancellationToken ct = default)
    {
        var parsed = WorkflowJsonReader.Parse(json);
        return parsed.Succeeded
            ? await ImportParsedAsync(json, parsed, publish, user, ct)
            : Failed(parsed.Definition?.DefinitionId, parsed.Errors);
    }

    public async Task<DefinitionCommandResult> ImportIfChangedAsync(string json, string? user, CancellationToken ct = default)
    {
        var parsed = WorkflowJsonReader.Parse(json);
        if (!parsed.Succeeded) return Failed(parsed.Definition?.DefinitionId, parsed.Errors);
        var definitionId = parsed.Definition!.DefinitionId;
        var hash = ContentHash.Compute(parsed.Document!);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var published = await db.WorkflowDefinitionVersions.AsNoTracking()
                .Where(v => v.DefinitionId == definitionId && v.IsPublished)
                .Select(v => new { v.Version, v.ContentHash })
                .FirstOrDefaultAsync(ct);
            if (published?.ContentHash == hash) return new DefinitionCommandResult(definitionId, published.Version, true, []);
        }
        return await ImportParsedAsync(json, parsed, publish: true, user, ct);
    }

    public Task<DefinitionCommandResult> PublishAsync(string definitionId, int? version, string? user, CancellationToken ct = default) =>
        PublishAsync(definitionId, version, checkedTriggers: null, ct);

    /// <param name="checkedTriggers">The triggers of that version when the caller has just checked it (an import): it is not
    /// validated a second time.</param>
    private Task<DefinitionCommandResult> PublishAsync(string definitionId, int? version,
        IReadOnlyList<DefinitionTrigger>? checkedTriggers, CancellationToken ct) =>
        // Two nodes publishing at once: the unique index on the published version makes one of them run again.
        TransientRetry.RunAsync(() => PublishOnceAsync(definitionId, version, checkedTriggers, ct), ct);

    private async Task<DefinitionCommandResult> PublishOnceAsync(string definitionId, int? version,
        IReadOnlyList<DefinitionTrigger>? checkedTriggers, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await FindVersionAsync(db, definitionId, version, ct)
                  ?? throw new WorkflowNotFoundException(version is null
                      ? $"Workflow '{definitionId}' does not exist."
                      : $"Workflow '{definitionId}' has no version {version}.");
        var definition = definitions.GetOrAdd(row.Id, row.Version, row.Json);
        var (triggers, errors) = checkedTriggers is null ? Check(definition) : (checkedTriggers, []);
        if (errors.Count > 0) return new DefinitionCommandResult(definitionId, row.Version, row.IsPublished, errors);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.WorkflowDefinitionVersions
                .Where(v => v.DefinitionId == definitionId && v.IsPublished && v.Id != row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPublished, false), ct);
            await db.WorkflowTriggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(ct);
            row.IsPublished = true;
            row.PublishedAtUtc = time.GetUtcNow().UtcDateTime;
            db.WorkflowTriggers.AddRange(triggers.Select(t => ToRecord(definition, t)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        scheduler.ScheduleTriggers(definitionId, [.. triggers.Select(t => t.Schedule).OfType<ScheduledTrigger>()]);
        return new DefinitionCommandResult(definitionId, row.Version, true, []);
    }

    public async Task<DefinitionCommandResult> RetractAsync(string definitionId, string? user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = db.WorkflowDefinitionVersions.Where(v => v.DefinitionId == definitionId);
        var latest = await versions.Where(v => v.IsLatest).Select(v => (int?)v.Version).FirstOrDefaultAsync(ct)
                     ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' does not exist.");
        var published = await versions.Where(v => v.IsPublished).Select(v => (int?)v.Version).FirstOrDefaultAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await versions.Where(v => v.IsPublished).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPublished, false), ct);
            await db.WorkflowTriggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        scheduler.ScheduleTriggers(definitionId, []);
        return new DefinitionCommandResult(definitionId, published ?? latest, false, []);
    }

    public async Task<DefinitionCommandResult> RevertAsync(string definitionId, int version, string? user, CancellationToken ct = default)
    {
        WorkflowDefinitionVersionRecord source;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            source = await FindVersionAsync(db, definitionId, version, ct)
                     ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no version {version}.");
        var copy = await AddVersionAsync(definitionId, source.Name, source.Description, source.Json, source.ContentHash, user, ct);
        return new DefinitionCommandResult(definitionId, copy.Version, false, []);
    }

    public async Task DeleteDraftAsync(string definitionId, int version, string? user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await FindVersionAsync(db, definitionId, version, ct)
                  ?? throw new WorkflowNotFoundException($"Workflow '{definitionId}' has no version {version}.");
        if (row.IsPublished)
            throw new WorkflowConflictException($"Version {version} of workflow '{definitionId}' is published; retract it or publish another version before deleting it.");
        var instances = await db.WorkflowInstances.CountAsync(i => i.DefinitionId == definitionId && i.DefinitionVersion == version, ct);
        if (instances > 0)
            throw new WorkflowConflictException($"Version {version} of workflow '{definitionId}' has {instances} instance(s); it is kept for their history.");
        db.WorkflowDefinitionVersions.Remove(row);
        await db.SaveChangesAsync(ct);
        if (row.IsLatest)
        {
            var previous = await db.WorkflowDefinitionVersions.Where(v => v.DefinitionId == definitionId)
                .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
            if (previous is not null)
            {
                previous.IsLatest = true;
                await db.SaveChangesAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.IsLatest || v.IsPublished)
            .Select(v => new { v.DefinitionId, v.Version, v.Name, v.Description, v.IsLatest, v.IsPublished, v.CreatedAtUtc, v.PublishedAtUtc })
            .ToListAsync(ct);
        var running = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Running)
            .GroupBy(i => i.DefinitionId)
            .Select(g => new { DefinitionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DefinitionId, x => x.Count, ct);

        return rows.GroupBy(r => r.DefinitionId)
            .Select(g =>
            {
                var latest = g.FirstOrDefault(r => r.IsLatest) ?? g.First();
                var published = g.FirstOrDefault(r => r.IsPublished);
                var updated = g.Max(r => r.PublishedAtUtc is { } p && p > r.CreatedAtUtc ? p : r.CreatedAtUtc);
                return new DefinitionSummary(g.Key, latest.Name, latest.Description, latest.Version, published?.Version, updated,
                    running.GetValueOrDefault(g.Key));
            })
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<DefinitionVersionInfo>> ListVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId)
            .OrderByDescending(v => v.Version)
            .Select(v => new DefinitionVersionInfo(v.DefinitionId, v.Version, v.Name, v.IsPublished, v.IsLatest, v.CreatedAtUtc, v.CreatedBy, v.PublishedAtUtc))
            .ToListAsync(ct);
    }

    public async Task<DefinitionDocument?> GetAsync(string definitionId, int? version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToDocument(await FindVersionAsync(db, definitionId, version, ct));
    }

    public async Task<DefinitionDocument?> GetPublishedAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToDocument(await db.WorkflowDefinitionVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsPublished, ct));
    }

    /// <summary>
    /// One indexed read of the version's columns without its JSON, in the use case's transaction when there is one (no
    /// second connection): what a use case needs to know before it starts the workflow.
    /// </summary>
    public async Task<DefinitionVersionInfo?> GetPublishedInfoAsync(string definitionId, CancellationToken ct = default)
    {
        await using var lease = await ContextLease.OpenAsync(dbFactory, ct);
        return await lease.Db.WorkflowDefinitionVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.IsPublished)
            .Select(v => new DefinitionVersionInfo(v.DefinitionId, v.Version, v.Name, v.IsPublished, v.IsLatest, v.CreatedAtUtc, v.CreatedBy, v.PublishedAtUtc))
            .FirstOrDefaultAsync(ct);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private async Task<DefinitionCommandResult> ImportParsedAsync(string json, WorkflowJsonReader.Result parsed, bool publish, string? user, CancellationToken ct)
    {
        var definition = parsed.Definition!;
        var errors = publish ? Check(definition).Errors : validator.Validate(definition);
        if (errors.Count > 0) return Failed(definition.DefinitionId, errors);

        var row = await AddVersionAsync(definition.DefinitionId, definition.Name, definition.Description,
            json.TrimStart('\uFEFF'), ContentHash.Compute(parsed.Document!), user, ct);
        var versioned = definition with { Version = row.Version };
        definitions.Add(row.Id, versioned);
        if (!publish) return new DefinitionCommandResult(definition.DefinitionId, row.Version, false, []);
        // Validated above: publishing only needs the triggers, which carry the version number just assigned.
        var (triggers, triggerErrors) = triggerExtractor.Extract(versioned);
        return await PublishAsync(definition.DefinitionId, row.Version, triggerErrors.Count == 0 ? triggers : null, ct);
    }

    /// <summary>Adds the next version as the latest draft (the previous latest is no longer latest).</summary>
    private Task<WorkflowDefinitionVersionRecord> AddVersionAsync(string definitionId, string name, string? description,
        string json, string hash, string? user, CancellationToken ct) =>
        // Two drafts saved at once get distinct numbers: the unique (definition, version) index makes the later one run again.
        TransientRetry.RunAsync(() => AddVersionOnceAsync(definitionId, name, description, json, hash, user, ct), ct);

    private async Task<WorkflowDefinitionVersionRecord> AddVersionOnceAsync(string definitionId, string name, string? description,
        string json, string hash, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var versions = db.WorkflowDefinitionVersions.Where(v => v.DefinitionId == definitionId);
        var max = await versions.MaxAsync(v => (int?)v.Version, ct) ?? 0;
        await versions.Where(v => v.IsLatest).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsLatest, false), ct);
        var row = new WorkflowDefinitionVersionRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            DefinitionId = definitionId,
            Version = max + 1,
            Name = name,
            Description = description,
            Json = json,
            ContentHash = hash,
            IsLatest = true,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = user,
        };
        db.WorkflowDefinitionVersions.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    /// <summary>What publishing needs: no validation error and triggers whose inputs can be read.</summary>
    private (IReadOnlyList<DefinitionTrigger> Triggers, IReadOnlyList<ValidationError> Errors) Check(WorkflowDefinition definition)
    {
        var errors = validator.Validate(definition);
        if (errors.Count > 0) return ([], errors);
        return triggerExtractor.Extract(definition);
    }

    private static Task<WorkflowDefinitionVersionRecord?> FindVersionAsync(BishanDbContext db, string definitionId, int? version, CancellationToken ct) =>
        version is { } number
            ? db.WorkflowDefinitionVersions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == number, ct)
            : db.WorkflowDefinitionVersions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsLatest, ct);

    private static DefinitionDocument? ToDocument(WorkflowDefinitionVersionRecord? row)
    {
        if (row is null) return null;
        var document = JsonNode.Parse(row.Json) as JsonObject ?? [];
        document["version"] = row.Version;
        document["isLatest"] = row.IsLatest;
        document["isPublished"] = row.IsPublished;
        var info = new DefinitionVersionInfo(row.DefinitionId, row.Version, row.Name, row.IsPublished, row.IsLatest, row.CreatedAtUtc, row.CreatedBy, row.PublishedAtUtc);
        return new DefinitionDocument(info, document.ToJsonString(Indented));
    }

    private static WorkflowTriggerRecord ToRecord(WorkflowDefinition definition, DefinitionTrigger t) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        DefinitionId = definition.DefinitionId,
        DefinitionVersion = definition.Version,
        ActivityId = t.Activity.Id,
        NodeId = t.Activity.NodeId,
        ActivityType = t.Activity.Type,
        Name = t.Name,
        Key = t.Key,
        PayloadJson = t.Schedule is null ? null : WorkflowStateSerializer.Serialize(t.Schedule),
    };

    private static DefinitionCommandResult Failed(string? definitionId, IReadOnlyList<ValidationError> errors) =>
        new(string.IsNullOrEmpty(definitionId) ? null : definitionId, null, false,
            errors.Count > 0 ? errors : [new ValidationError(null, "The definition could not be read.")]);
}
