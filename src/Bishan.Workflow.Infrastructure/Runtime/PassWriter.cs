using System.Data.Common;
using Bishan.Workflow.Engine.Execution;
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
/// <remarks>
/// Where the provider can send several statements in one round trip (<see cref="DbConnection.CanCreateBatch"/>:
/// PostgreSQL), the pass's row writes that need no answer (bookmarks removed and added, journal, incidents, outbox) are
/// queued and sent together by <see cref="FlushAsync"/>; on SQLite, where a statement is a call into the same process,
/// each runs at once as a prepared command. The burn and the instance update run at once everywhere: their row counts
/// decide whether the pass goes on.
/// </remarks>
internal sealed class PassWriter(PreparedCommands commands, DbTransaction? transaction)
{
    private readonly List<(Statement Statement, object?[] Values)>? _queued = commands.Connection.CanCreateBatch ? [] : null;

    private static readonly Statement DeleteBookmark = new("""DELETE FROM "WorkflowBookmarks" WHERE "Id" = @id""", "@id");

    /// <summary>
    /// The burn: the bookmark is marked resumed in its row (issue 15, round six), guarded by its not being burned yet, so that
    /// of several racers exactly one changes a row. One page where a delete here and an insert into a second table wrote two
    /// b-trees; the burned row answers a later resume of the same id with "already resumed".
    /// </summary>
    private static readonly Statement BurnBookmark = new("""
        UPDATE "WorkflowBookmarks" SET "BurnedAtUtc" = @at WHERE "Id" = @id AND "BurnedAtUtc" IS NULL
        """, "@at", "@id");

    private static readonly Statement InsertInstance = new("""
        INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionVersionId", "CorrelationId", "Status",
            "SubStatus", "StateJson", "VariablesJson", "OutputJson", "TriggerNodeId", "TriggerInputJson", "CreatedAtUtc", "UpdatedAtUtc",
            "FinishedAtUtc", "ConcurrencyToken", "LeaseOwner", "LeaseExpiresAtUtc")
        VALUES (@id, @definition, @version, @versionId, @correlation, @status, @subStatus, @state, @variables, @output, @triggerNode,
            @triggerInput, @created, @updated, @finished, @token, @leaseOwner, @leaseExpires)
        """, "@id", "@definition", "@version", "@versionId", "@correlation", "@status", "@subStatus", "@state", "@variables", "@output",
        "@triggerNode", "@triggerInput", "@created", "@updated", "@finished", "@token", "@leaseOwner", "@leaseExpires");

    /// <summary>
    /// The instance update for each combination of changed indexed columns (status, sub-status, correlation id), by
    /// <see cref="UpdateVariant"/>. An indexed column is only set when its value changed: SQLite rewrites an index
    /// entry for every column in the SET list, changed or not, and each rewritten index page is one more page to
    /// write at commit. Skipping an unchanged column is exact, since the token check guarantees the stored row is
    /// the one that was read.
    /// </summary>
    private static readonly Statement[] UpdateInstance = [.. Enumerable.Range(0, 8).Select(UpdateStatement)];

    private static readonly Statement InsertBookmark = new("""
        INSERT INTO "WorkflowBookmarks" ("Id", "InstanceId", "Name", "Key", "CorrelationId", "ActivityId", "NodeId",
            "ActivityType", "ResumeAtUtc", "PayloadJson", "CreatedAtUtc")
        VALUES (@id, @instance, @name, @key, @correlation, @activity, @node, @type, @resumeAt, @payload, @created)
        """, "@id", "@instance", "@name", "@key", "@correlation", "@activity", "@node", "@type", "@resumeAt", "@payload", "@created");

    private static readonly Statement InsertIncident = new("""
        INSERT INTO "WorkflowIncidents" ("Id", "InstanceId", "ActivityId", "NodeId", "ActivityType", "Message", "Code", "TimestampUtc")
        VALUES (@id, @instance, @activity, @node, @type, @message, @code, @at)
        """, "@id", "@instance", "@activity", "@node", "@type", "@message", "@code", "@at");

    /// <summary>The pass's journal: one row for all its events (<see cref="JournalJson"/>), linked to the instance's previous row.</summary>
    private static readonly Statement InsertJournal = new("""
        INSERT INTO "WorkflowJournal" ("InstanceId", "Sequence", "EntryCount", "TimestampUtc", "EntriesJson", "PreviousId")
        VALUES (@instance, @sequence, @count, @at, @entries, @previous)
        """, "@instance", "@sequence", "@count", "@at", "@entries", "@previous");

    /// <summary>
    /// The instance names the row just inserted as its newest (<c>WorkflowJournalRecord</c>'s chain). The key comes from the
    /// connection's last insert (SQLite's rowid, PostgreSQL's identity sequence in this session), so nothing waits for it;
    /// on SQLite the instance's page is already written by the pass's update, so this costs no page.
    /// </summary>
    private static readonly Statement LinkJournalSqlite = new("""
        UPDATE "WorkflowInstances" SET "LastJournalId" = last_insert_rowid() WHERE "Id" = @instance
        """, "@instance");

    private static readonly Statement LinkJournalPostgreSql = new("""
        UPDATE "WorkflowInstances" SET "LastJournalId" = currval(pg_get_serial_sequence('"WorkflowJournal"', 'Id')) WHERE "Id" = @instance
        """, "@instance");

    public async Task<bool> BurnBookmarkAsync(string bookmarkId, DateTime nowUtc, CancellationToken ct) =>
        await ExecuteAsync(BurnBookmark, ct, nowUtc, bookmarkId) == 1;

    public async Task DeleteBookmarksAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
            await WriteAsync(DeleteBookmark, ct, id);
    }

    /// <summary>A new instance row, as it is (its concurrency token included).</summary>
    public Task InsertInstanceAsync(WorkflowInstanceRecord row, CancellationToken ct) =>
        ExecuteAsync(InsertInstance, ct, row.Id, row.DefinitionId, row.DefinitionVersion, row.DefinitionVersionId, row.CorrelationId,
            row.Status.ToString(), row.SubStatus.ToString(), row.StateJson, row.VariablesJson, row.OutputJson, row.TriggerNodeId,
            row.TriggerInputJson, row.CreatedAtUtc, row.UpdatedAtUtc, row.FinishedAtUtc, row.ConcurrencyToken, row.LeaseOwner, row.LeaseExpiresAtUtc);

    /// <summary>What the first writes of a pass found.</summary>
    internal enum FirstWrites { Written, AlreadyBurned, InstanceChanged }

    /// <summary>
    /// The pass's first writes: opens <paramref name="savepointSql"/> (a savepoint left for this round trip by
    /// <see cref="PassTransaction"/>), burns the resumed bookmark (if any) and updates the instance if its token is still
    /// <paramref name="readToken"/>. Where batches exist all of it is one round trip, and the caller rolls back to the
    /// savepoint when either count is wrong; elsewhere the burn comes first and the update only if it succeeded.
    /// </summary>
    public async Task<FirstWrites> BeginPassAsync(string? savepointSql, string? resumedBookmarkId, WorkflowInstanceRecord row, IndexedValues read,
        long readToken, DateTime nowUtc, CancellationToken ct)
    {
        if (_queued is null)
        {
            if (savepointSql is not null) throw new InvalidOperationException("A deferred savepoint needs a provider that batches.");
            if (resumedBookmarkId is not null && !await BurnBookmarkAsync(resumedBookmarkId, nowUtc, ct)) return FirstWrites.AlreadyBurned;
            return await UpdateInstanceAsync(row, read, readToken, ct) ? FirstWrites.Written : FirstWrites.InstanceChanged;
        }

        await using var batch = commands.Connection.CreateBatch();
        batch.Transaction = transaction;
        if (savepointSql is not null)
            batch.BatchCommands.Add(PreparedCommands.BatchCommand(batch, new Statement(savepointSql), []));
        DbBatchCommand? burn = null;
        if (resumedBookmarkId is not null)
        {
            burn = PreparedCommands.BatchCommand(batch, BurnBookmark, [nowUtc, resumedBookmarkId]);
            batch.BatchCommands.Add(burn);
        }
        var (statement, values) = UpdateCommand(row, read, readToken);
        var update = PreparedCommands.BatchCommand(batch, statement, values);
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(ct);
        if (burn is not null && burn.RecordsAffected == 0) return FirstWrites.AlreadyBurned;
        return update.RecordsAffected == 1 ? FirstWrites.Written : FirstWrites.InstanceChanged;
    }

    /// <summary>Writes the row's new values if nobody else saved the instance since it was read as <paramref name="read"/>.</summary>
    public async Task<bool> UpdateInstanceAsync(WorkflowInstanceRecord row, IndexedValues read, long readToken, CancellationToken ct)
    {
        var (statement, values) = UpdateCommand(row, read, readToken);
        return await ExecuteAsync(statement, ct, values) == 1;
    }

    private static (Statement Statement, object?[] Values) UpdateCommand(WorkflowInstanceRecord row, IndexedValues read, long readToken)
    {
        var statusChanged = row.Status != read.Status;
        var subStatusChanged = row.SubStatus != read.SubStatus;
        var correlationChanged = !string.Equals(row.CorrelationId, read.CorrelationId, StringComparison.Ordinal);
        var values = new List<object?>(11) { row.StateJson, row.VariablesJson, row.OutputJson, row.UpdatedAtUtc, row.FinishedAtUtc, row.ConcurrencyToken };
        if (statusChanged) values.Add(row.Status.ToString());
        if (subStatusChanged) values.Add(row.SubStatus.ToString());
        if (correlationChanged) values.Add(row.CorrelationId);
        values.Add(row.Id);
        values.Add(readToken);
        return (UpdateInstance[UpdateVariant(statusChanged, subStatusChanged, correlationChanged)], [.. values]);
    }

    /// <summary>The values of an instance's indexed columns as read, to tell which of them a pass changed.</summary>
    internal readonly record struct IndexedValues(WorkflowStatus Status, WorkflowSubStatus SubStatus, string? CorrelationId)
    {
        public static IndexedValues Of(WorkflowInstanceRecord row) => new(row.Status, row.SubStatus, row.CorrelationId);
    }

    internal static int UpdateVariant(bool status, bool subStatus, bool correlation) =>
        (status ? 1 : 0) | (subStatus ? 2 : 0) | (correlation ? 4 : 0);

    public async Task InsertBookmarksAsync(IEnumerable<WorkflowBookmarkRecord> bookmarks, CancellationToken ct)
    {
        foreach (var b in bookmarks)
            await WriteAsync(InsertBookmark, ct, b.Id, b.InstanceId, b.Name, b.Key, b.CorrelationId, b.ActivityId, b.NodeId,
                b.ActivityType, b.ResumeAtUtc, b.PayloadJson, b.CreatedAtUtc);
    }

    /// <summary>
    /// The pass's journal row, if the pass journaled anything, after <paramref name="previousId"/> (the instance's newest row
    /// as read with the instance; the token check of the pass's update makes sure it still is).
    /// </summary>
    public async Task InsertJournalAsync(WorkflowJournalRecord? row, long? previousId, CancellationToken ct)
    {
        if (row is null) return;
        await WriteAsync(InsertJournal, ct, row.InstanceId, row.Sequence, row.EntryCount, row.TimestampUtc, row.EntriesJson, previousId);
        await WriteAsync(commands.Connection is Microsoft.Data.Sqlite.SqliteConnection ? LinkJournalSqlite : LinkJournalPostgreSql, ct, row.InstanceId);
    }

    private static readonly Statement InsertOutbox = new("""
        INSERT INTO "OutboxMessages" ("Id", "Kind", "PayloadJson", "CreatedAtUtc", "DueAtUtc", "Attempts")
        VALUES (@id, @kind, @payload, @created, @due, 0)
        """, "@id", "@kind", "@payload", "@created", "@due");

    /// <summary>Writes the intents as outbox rows (time-ordered ids) and returns their ids, in order.</summary>
    public async Task<List<string>> InsertOutboxAsync(IReadOnlyList<Outbox.OutboxIntent> intents, DateTime nowUtc, CancellationToken ct)
    {
        var ids = new List<string>(intents.Count);
        foreach (var intent in intents)
        {
            var id = Guid.CreateVersion7(new DateTimeOffset(nowUtc, TimeSpan.Zero)).ToString();
            await WriteAsync(InsertOutbox, ct, id, intent.Kind, intent.Payload.ToJsonString(), nowUtc, nowUtc);
            ids.Add(id);
        }
        return ids;
    }

    public async Task InsertIncidentsAsync(IEnumerable<WorkflowIncidentRecord> incidents, CancellationToken ct)
    {
        foreach (var i in incidents)
            await WriteAsync(InsertIncident, ct, i.Id, i.InstanceId, i.ActivityId, i.NodeId, i.ActivityType, i.Message, i.Code, i.TimestampUtc);
    }

    private static Statement UpdateStatement(int variant)
    {
        var sets = new List<string> { "\"StateJson\" = @state", "\"VariablesJson\" = @variables", "\"OutputJson\" = @output",
            "\"UpdatedAtUtc\" = @updated", "\"FinishedAtUtc\" = @finished", "\"ConcurrencyToken\" = @token" };
        var names = new List<string> { "@state", "@variables", "@output", "@updated", "@finished", "@token" };
        if ((variant & 1) != 0) { sets.Add("\"Status\" = @status"); names.Add("@status"); }
        if ((variant & 2) != 0) { sets.Add("\"SubStatus\" = @subStatus"); names.Add("@subStatus"); }
        if ((variant & 4) != 0) { sets.Add("\"CorrelationId\" = @correlation"); names.Add("@correlation"); }
        names.Add("@id");
        names.Add("@readToken");
        return new Statement(
            $"UPDATE \"WorkflowInstances\" SET {string.Join(", ", sets)} WHERE \"Id\" = @id AND \"ConcurrencyToken\" = @readToken",
            [.. names]);
    }

    private Task<int> ExecuteAsync(Statement statement, CancellationToken ct, params ReadOnlySpan<object?> values) =>
        commands.ExecuteAsync(statement, transaction, ct, values);

    /// <summary>A write whose row count nobody needs: queued for <see cref="FlushAsync"/> where batches exist, else run now.</summary>
    private Task WriteAsync(Statement statement, CancellationToken ct, params ReadOnlySpan<object?> values)
    {
        if (_queued is null) return ExecuteAsync(statement, ct, values);
        _queued.Add((statement, values.ToArray()));
        return Task.CompletedTask;
    }

    /// <summary>Sends the queued writes in one round trip (nothing to do where each write ran at once).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_queued is not { Count: > 0 }) return;
        await using var batch = commands.Connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (statement, values) in _queued)
            batch.BatchCommands.Add(PreparedCommands.BatchCommand(batch, statement, values));
        _queued.Clear();
        await batch.ExecuteNonQueryAsync(ct);
    }
}
