using System.Collections.Concurrent;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Parsed definitions by version row id. A version's JSON never changes after it is written, so an entry
/// never goes stale and the hot path (resume) neither re-reads nor re-parses the JSON.
/// </summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition> _byVersionId = new(StringComparer.Ordinal);

    public async Task<WorkflowDefinition> GetAsync(BishanDbContext db, string versionId, CancellationToken ct)
    {
        if (_byVersionId.TryGetValue(versionId, out var cached)) return cached;
        var row = await db.WorkflowDefinitionVersions.AsNoTracking()
                      .Where(v => v.Id == versionId)
                      .Select(v => new { v.Json, v.Version })
                      .FirstOrDefaultAsync(ct)
                  ?? throw new InvalidOperationException($"Definition version '{versionId}' is missing.");
        return GetOrAdd(versionId, row.Version, row.Json);
    }

    /// <summary>Parses (once) a stored version; the stored version number wins over the one inside the JSON.</summary>
    public WorkflowDefinition GetOrAdd(string versionId, int version, string json) =>
        _byVersionId.GetOrAdd(versionId, _ =>
        {
            var parsed = WorkflowJsonReader.Parse(json);
            if (parsed.Definition is null)
                throw new InvalidOperationException($"Stored definition version '{versionId}' no longer parses: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            return parsed.Definition with { Version = version };
        });

    /// <summary>Adds a definition parsed on import, so that the first run does not parse it again.</summary>
    public WorkflowDefinition Add(string versionId, WorkflowDefinition definition) =>
        _byVersionId.GetOrAdd(versionId, definition);
}
