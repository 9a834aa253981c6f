using System.ComponentModel.DataAnnotations;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>A running or ended instance. <see cref="StateJson"/> is the engine's whole <see cref="WorkflowState"/>.</summary>
public sealed class WorkflowInstanceRecord
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }

    /// <summary>The version row the instance runs on: instances never move to a newer version.</summary>
    public string DefinitionVersionId { get; set; } = "";
    public string? CorrelationId { get; set; }
    public WorkflowStatus Status { get; set; }
    public WorkflowSubStatus SubStatus { get; set; }
    public string StateJson { get; set; } = "";

    /// <summary>Variable values by variable name, for reading without deserializing the state.</summary>
    public string? VariablesJson { get; set; }
    public string? OutputJson { get; set; }

    /// <summary>
    /// The trigger that started the instance; kept so that a start interrupted by a crash is continued
    /// as the same trigger start (otherwise the trigger activity would wait instead of completing).
    /// </summary>
    public string? TriggerNodeId { get; set; }
    public string? TriggerInputJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>
    /// The node running the instance's pass while it is Executing outside a use case's transaction, and until when that
    /// node's lease holds (renewed while the pass runs). Another node recovers the instance only after the lease expired.
    /// </summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAtUtc { get; set; }

    /// <summary>
    /// The instance's newest journal row (<see cref="WorkflowJournalRecord"/>); each row names the one before it, so the
    /// instance's journal is read back from here. Null until a pass journals something.
    /// </summary>
    public long? LastJournalId { get; set; }

    /// <summary>SQLite has no rowversion: the application bumps this on every save and updates only when it still matches.</summary>
    [ConcurrencyCheck]
    public long ConcurrencyToken { get; set; }
}
