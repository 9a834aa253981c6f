namespace Bishan.Workflow.Infrastructure.Persistence.Entities;

/// <summary>A trigger of the published version of a definition (replaced on publish, removed on retract).</summary>
public sealed class WorkflowTriggerRecord
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string ActivityId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public string ActivityType { get; set; } = "";

    /// <summary>The stimulus: <c>Elsa.Event</c>, <c>Elsa.Cron</c>, <c>Elsa.Timer</c> or <c>Elsa.StartAt</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Event name or cron expression; the interval or moment for timers.</summary>
    public string? Key { get; set; }
    public string? PayloadJson { get; set; }
}
