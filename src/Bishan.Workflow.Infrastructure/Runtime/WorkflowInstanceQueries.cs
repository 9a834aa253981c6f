using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>Read side of instances; every filter is served by an index of WorkflowInstances.</summary>
internal sealed class WorkflowInstanceQueries(IDbContextFactory<BishanDbContext> dbFactory) : IWorkflowInstanceQueries
{
    private const int MaxPageSize = 500;

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<InstanceSummary>> ListAsync(InstanceQuery query, CancellationToken ct = default)
    {
        await using var lease = await ContextLease.OpenAsync(dbFactory, ct);
        var db = lease.Db;
        var rows = db.WorkflowInstances.AsNoTracking();
        if (query.DefinitionId is not null) rows = rows.Where(i => i.DefinitionId == query.DefinitionId);
        if (query.Status is { } status) rows = rows.Where(i => i.Status == status);
        if (query.SubStatus is { } subStatus) rows = rows.Where(i => i.SubStatus == subStatus);
        if (query.CorrelationId is not null) rows = rows.Where(i => i.CorrelationId == query.CorrelationId);
        var page = await rows.OrderByDescending(i => i.CreatedAtUtc).ThenBy(i => i.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 0, MaxPageSize))
            .ToListAsync(ct);
        return page.Select(InstanceRecords.ToSummary).ToList();
    }

    public async Task<InstanceDetails?> GetAsync(string instanceId, CancellationToken ct = default)
    {
        await using var lease = await ContextLease.OpenAsync(dbFactory, ct);
        var db = lease.Db;
        var row = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (row is null) return null;
        var state = WorkflowStateSerializer.Deserialize(row.StateJson);
        var incidents = await db.WorkflowIncidents.AsNoTracking()
            .Where(i => i.InstanceId == instanceId)
            .OrderBy(i => i.TimestampUtc)
            .Select(i => new Incident(i.Id, i.ActivityId, i.NodeId, i.ActivityType, i.Message, i.Code, i.TimestampUtc))
            .ToListAsync(ct);
        return new InstanceDetails(row.Id, row.DefinitionId, row.DefinitionVersion, row.CorrelationId, row.Status, row.SubStatus,
            WorkflowStateSerializer.DeserializeDictionary(row.VariablesJson),
            WorkflowStateSerializer.DeserializeDictionary(row.OutputJson),
            state.Bookmarks, incidents, row.CreatedAtUtc, row.UpdatedAtUtc);
    }

    /// <summary>
    /// An instance's journal rows: its newest, then each row's previous one, all by the table's key (one statement, standard
    /// SQL on both providers; see <c>WorkflowJournalRecord</c> for why the table has no index by instance).
    /// </summary>
    private const string JournalChain = """
        WITH RECURSIVE "chain" AS (
            SELECT j.* FROM "WorkflowInstances" i JOIN "WorkflowJournal" j ON j."Id" = i."LastJournalId" AND j."InstanceId" = i."Id"
            WHERE i."Id" = {0}
            UNION ALL
            SELECT j.* FROM "chain" c JOIN "WorkflowJournal" j ON j."Id" = c."PreviousId" AND j."InstanceId" = c."InstanceId")
        SELECT * FROM "chain"
        """;

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct = default)
    {
        await using var lease = await ContextLease.OpenAsync(dbFactory, ct);
        var db = lease.Db;
        var rows = await db.WorkflowJournal.FromSqlRaw(JournalChain, instanceId).AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(j => j.Sequence).SelectMany(JournalJson.Entries).ToList();
    }
}
