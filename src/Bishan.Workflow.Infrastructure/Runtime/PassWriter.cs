using System.Data.Common;
using System.Text;
using Bishan.Workflow.Infrastructure.Persistence.Entities;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// The hot path of a commit as plain parameterized commands on the session's connection and transaction, each
/// prepared once per connection (<see cref="PreparedCommands"/>). EF Core's change tracking and per-entity commands
/// cost about ten times what SQLite spends on these rows (measured: ~0.8 ms of a ~0.9 ms resume), so the runtime's
/// own rows skip it; domain rows added by effect handlers still go through <c>SaveChanges</c>. Standard SQL with
/// quoted identifiers and <c>@</c> parameters, valid on SQLite and PostgreSQL alike; table and column names are
/// those of <c>BishanDbContext</c>.
/// </summary>
internal sealed class PassWriter(PreparedCommands commands, DbTransaction? transaction)
{
    /// <summary>Journal rows per statement: SQLite allows a limited number of parameters per statement.</summary>
    internal const int JournalRowsPerStatement = 50;

    private static readonly Statement DeleteBookmark = new("""DELETE FROM "WorkflowBookmarks" WHERE "Id" = @id""", "@id");

    private static readonly Statement InsertResumed = new("""
        INSERT INTO "WorkflowResumedBookmarks" ("Id", "InstanceId", "ResumedAtUtc") VALUES (@id, @instance, @at)
        """, "@id", "@instance", "@at");

    private static readonly Statement InsertInstance = new("""
        INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionVersionId", "CorrelationId", "Status",
            "SubStatus", "StateJson", "VariablesJson", "OutputJson", "TriggerNodeId", "TriggerInputJson", "CreatedAtUtc", "UpdatedAtUtc",
            "FinishedAtUtc", "ConcurrencyToken")
        VALUES (@id, @definition, @version, @versionId, @correlation, @status, @subStatus, @state, @variables, @output, @triggerNode,
            @triggerInput, @created, @updated, @finished, @token)
        """, "@id", "@definition", "@version", "@versionId", "@correlation", "@status", "@subStatus", "@state", "@variables", "@output",
        "@triggerNode", "@triggerInput", "@created", "@updated", "@finished", "@token");

    private static readonly Statement UpdateInstance = new("""
        UPDATE "WorkflowInstances" SET "Status" = @status, "SubStatus" = @subStatus, "CorrelationId" = @correlation,
            "StateJson" = @state, "VariablesJson" = @variables, "OutputJson" = @output, "UpdatedAtUtc" = @updated,
            "FinishedAtUtc" = @finished, "ConcurrencyToken" = @token
        WHERE "Id" = @id AND "ConcurrencyToken" = @readToken
        """, "@status", "@subStatus", "@correlation", "@state", "@variables", "@output", "@updated", "@finished", "@token", "@id", "@readToken");

    private static readonly Statement InsertBookmark = new("""
        INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId",
            "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc")
        VALUES (@id, @instance, @name, @key, @correlation, @activity, @node, @type, @resumeAt, @payload, @created)
        """, "@id", "@instance", "@name", "@key", "@correlation", "@activity", "@node", "@type", "@resumeAt", "@payload", "@created");

    private static readonly Statement InsertIncident = new("""
        INSERT INTO "WorkflowIncidents" ("Id", "InstanceId", "ActivityId", "NodeId", "ActivityType", "Message", "Code", "TimestampUtc")
        VALUES (@id, @instance, @activity, @node, @type, @message, @code, @at)
        """, "@id", "@instance", "@activity", "@node", "@type", "@message", "@code", "@at");

    /// <summary>The multi-row journal insert for 1..<see cref="JournalRowsPerStatement"/> rows, built once per row count.</summary>
    private static readonly Statement[] InsertJournal = [.. Enumerable.Range(0, JournalRowsPerStatement + 1).Select(JournalStatement)];

    public async Task<bool> BurnBookmarkAsync(string bookmarkId, string instanceId, DateTime nowUtc, CancellationToken ct)
    {
        if (await ExecuteAsync(DeleteBookmark, ct, bookmarkId) == 0) return false;
        await ExecuteAsync(InsertResumed, ct, bookmarkId, instanceId, nowUtc);
        return true;
    }

    public async Task DeleteBookmarksAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
            await ExecuteAsync(DeleteBookmark, ct, id);
    }

    /// <summary>A new instance row, as it is (its concurrency token included).</summary>
    public Task InsertInstanceAsync(WorkflowInstanceRecord row, CancellationToken ct) =>
        ExecuteAsync(InsertInstance, ct, row.Id, row.DefinitionId, row.DefinitionVersion, row.DefinitionVersionId, row.CorrelationId,
            row.Status.ToString(), row.SubStatus.ToString(), row.StateJson, row.VariablesJson, row.OutputJson, row.TriggerNodeId,
            row.TriggerInputJson, row.CreatedAtUtc, row.UpdatedAtUtc, row.FinishedAtUtc, row.ConcurrencyToken);

    /// <summary>Writes the row's new values if nobody else saved the instance since it was read.</summary>
    public async Task<bool> UpdateInstanceAsync(WorkflowInstanceRecord row, long readToken, CancellationToken ct) =>
        await ExecuteAsync(UpdateInstance, ct, row.Status.ToString(), row.SubStatus.ToString(), row.CorrelationId, row.StateJson,
            row.VariablesJson, row.OutputJson, row.UpdatedAtUtc, row.FinishedAtUtc, row.ConcurrencyToken, row.Id, readToken) == 1;

    public async Task InsertBookmarksAsync(IEnumerable<WorkflowBookmarkRecord> bookmarks, CancellationToken ct)
    {
        foreach (var b in bookmarks)
            await ExecuteAsync(InsertBookmark, ct, b.Id, b.InstanceId, b.Name, b.Key, b.CorrelationId, b.ActivityId, b.NodeId,
                b.ActivityType, b.ResumeAtUtc, b.PayloadJson, b.CreatedAtUtc);
    }

    /// <summary>The pass's journal rows, many per statement.</summary>
    public async Task InsertJournalAsync(IReadOnlyList<WorkflowJournalRecord> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += JournalRowsPerStatement)
        {
            var count = Math.Min(rows.Count - start, JournalRowsPerStatement);
            var values = new object?[count * JournalColumns];
            for (var k = 0; k < count; k++)
            {
                var j = rows[start + k];
                var v = k * JournalColumns;
                values[v] = j.InstanceId;
                values[v + 1] = j.Sequence;
                values[v + 2] = j.ActivityId;
                values[v + 3] = j.NodeId;
                values[v + 4] = j.ActivityType;
                values[v + 5] = j.ActivityName;
                values[v + 6] = j.EventName;
                values[v + 7] = j.Message;
                values[v + 8] = j.Error;
                values[v + 9] = j.TimestampUtc;
            }
            await ExecuteAsync(InsertJournal[count], ct, values);
        }
    }

    public async Task InsertIncidentsAsync(IEnumerable<WorkflowIncidentRecord> incidents, CancellationToken ct)
    {
        foreach (var i in incidents)
            await ExecuteAsync(InsertIncident, ct, i.Id, i.InstanceId, i.ActivityId, i.NodeId, i.ActivityType, i.Message, i.Code, i.TimestampUtc);
    }

    private const int JournalColumns = 10;

    private static Statement JournalStatement(int rows)
    {
        var sql = new StringBuilder("""
            INSERT INTO "WorkflowJournal" ("InstanceId", "Sequence", "ActivityId", "NodeId", "ActivityType", "ActivityName",
                "EventName", "Message", "Error", "TimestampUtc") VALUES
            """);
        var names = new List<string>(rows * JournalColumns);
        for (var k = 0; k < rows; k++)
        {
            string[] row = [$"@i{k}", $"@s{k}", $"@a{k}", $"@n{k}", $"@t{k}", $"@an{k}", $"@e{k}", $"@m{k}", $"@er{k}", $"@ts{k}"];
            sql.Append(k == 0 ? " (" : ", (").Append(string.Join(", ", row)).Append(')');
            names.AddRange(row);
        }
        return new Statement(sql.ToString(), [.. names]);
    }

    private Task<int> ExecuteAsync(Statement statement, CancellationToken ct, params ReadOnlySpan<object?> values) =>
        commands.Bind(statement, transaction, values).ExecuteNonQueryAsync(ct);
}
