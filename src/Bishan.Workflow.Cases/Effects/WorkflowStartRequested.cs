using System.Text.Json.Nodes;

namespace Bishan.Workflow.Cases.Effects;

/// <summary>
/// Effect of <c>Bishan.StartWorkflow</c>: after the pass is committed, the host starts the published version of
/// <see cref="DefinitionId"/> with <see cref="Input"/> and <see cref="CorrelationId"/> (the case id by default).
/// Starting after the commit keeps the two instances' transactions apart; a start that fails is retried by
/// the host and never undoes the step that asked for it.
/// </summary>
public sealed record WorkflowStartRequested(string? CaseId, string InstanceId, string DefinitionId, JsonObject Input, string? CorrelationId, DateTime AtUtc);
