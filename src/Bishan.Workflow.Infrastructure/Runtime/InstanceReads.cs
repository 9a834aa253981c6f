using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Infrastructure.Persistence.Entities;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// The runtime's hot-path reads as plain prepared queries (see <see cref="PassWriter"/> for why not EF Core):
/// an instance by id or by one of its bookmarks, and a definition's published version. Standard SQL; table and
/// column names are those of <c>BishanDbContext</c>. Rows come back untracked.
/// </summary>
internal static class InstanceReads
{
    private const string Columns = """
        i."Id", i."DefinitionId", i."DefinitionVersion", i."DefinitionVersionId", i."CorrelationId", i."Status", i."SubStatus",
        i."StateJson", i."VariablesJson", i."OutputJson", i."TriggerNodeId", i."TriggerInputJson", i."CreatedAtUtc",
        i."UpdatedAtUtc", i."FinishedAtUtc", i."ConcurrencyToken", i."LastJournalId"
        """;

    private static readonly Statement ById = new($"""SELECT {Columns} FROM "WorkflowInstances" i WHERE i."Id" = @id""", "@id");

    private static readonly Statement ByBookmark = new($"""
        SELECT {Columns} FROM "WorkflowBookmarks" b JOIN "WorkflowInstances" i ON i."Id" = b."InstanceId"
        WHERE b."Id" = @id AND b."BurnedAtUtc" IS NULL
        """, "@id");

    // TRUE as a literal, not a parameter: only then may SQLite use the partial index of published versions (one entry per
    // definition) instead of reading every version of the definition (issue 15: starts were slower with 50 versions).
    private static readonly Statement Published = new("""
        SELECT "Id", "Version" FROM "WorkflowDefinitionVersions" WHERE "DefinitionId" = @definition AND "IsPublished" = TRUE
        """, "@definition");

    public static Task<WorkflowInstanceRecord?> ByIdAsync(RuntimeSession session, string instanceId, CancellationToken ct) =>
        session.Commands.ReadFirstAsync(ById, session.Transaction, Record, ct, instanceId);

    /// <summary>The instance that waits at bookmark <paramref name="bookmarkId"/>; null when no such bookmark waits (none, or burned).</summary>
    public static Task<WorkflowInstanceRecord?> ByBookmarkAsync(RuntimeSession session, string bookmarkId, CancellationToken ct) =>
        session.Commands.ReadFirstAsync(ByBookmark, session.Transaction, Record, ct, bookmarkId);

    public static Task<(string Id, int Version)?> PublishedVersionAsync(RuntimeSession session, string definitionId, CancellationToken ct) =>
        session.Commands.ReadFirstAsync<(string, int)?>(Published, session.Transaction, r => (r.GetString(0), r.GetInt32(1)), ct, definitionId);

    private static WorkflowInstanceRecord Record(IRuntimeRow reader) => new()
    {
        Id = reader.GetString(0),
        DefinitionId = reader.GetString(1),
        DefinitionVersion = reader.GetInt32(2),
        DefinitionVersionId = reader.GetString(3),
        CorrelationId = Text(reader, 4),
        Status = Enum.Parse<WorkflowStatus>(reader.GetString(5)),
        SubStatus = Enum.Parse<WorkflowSubStatus>(reader.GetString(6)),
        StateJson = reader.GetString(7),
        VariablesJson = Text(reader, 8),
        OutputJson = Text(reader, 9),
        TriggerNodeId = Text(reader, 10),
        TriggerInputJson = Text(reader, 11),
        CreatedAtUtc = Utc(reader.GetDateTime(12)),
        UpdatedAtUtc = Utc(reader.GetDateTime(13)),
        FinishedAtUtc = reader.IsNull(14) ? null : Utc(reader.GetDateTime(14)),
        ConcurrencyToken = reader.GetInt64(15),
        LastJournalId = reader.IsNull(16) ? null : reader.GetInt64(16),
    };

    private static string? Text(IRuntimeRow reader, int ordinal) => reader.IsNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
