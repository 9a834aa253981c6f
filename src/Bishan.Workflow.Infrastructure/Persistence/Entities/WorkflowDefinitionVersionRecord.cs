namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>One stored version of a workflow definition; the JSON is immutable once written.</summary>
public sealed class WorkflowDefinitionVersionRecord
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The full Elsa 3 JSON as imported.</summary>
    public string Json { get; set; } = "";

    /// <summary>SHA-256 of the JSON without its version facts, so that an unchanged file is not imported again.</summary>
    public string ContentHash { get; set; } = "";
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
}
