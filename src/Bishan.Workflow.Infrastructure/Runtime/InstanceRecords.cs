using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence.Entities;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>Mapping between the engine's state and result types and the stored rows.</summary>
internal static class InstanceRecords
{
    private const string EmptyObject = "{}";

    /// <summary>Copies the state into the row's columns and bumps the concurrency token.</summary>
    public static void Apply(WorkflowInstanceRecord row, WorkflowState state, WorkflowDefinition definition, DateTime nowUtc)
    {
        string variablesJson;
        if (state.Variables.Count == 0) variablesJson = EmptyObject;
        else
        {
            var index = DefinitionIndex.For(definition);
            var variables = new JsonObject();
            foreach (var (id, value) in state.Variables)
                variables[index.VariablesById.TryGetValue(id, out var v) ? v.Name : id] = value?.DeepClone();
            variablesJson = variables.ToJsonString(WorkflowStateSerializer.Options);
        }

        row.Status = state.Status;
        row.SubStatus = state.SubStatus;
        row.CorrelationId = state.CorrelationId;
        row.StateJson = WorkflowStateSerializer.Serialize(state);
        row.VariablesJson = variablesJson;
        // Most passes have neither variables nor output: their JSON is the same two characters every time.
        row.OutputJson = state.Output.Count == 0 ? EmptyObject : WorkflowStateSerializer.Serialize(state.Output);
        row.UpdatedAtUtc = nowUtc;
        row.FinishedAtUtc = state.Status == WorkflowStatus.Finished ? row.FinishedAtUtc ?? nowUtc : null;
        row.ConcurrencyToken++;
    }

    public static InstanceSummary ToSummary(WorkflowInstanceRecord r) =>
        new(r.Id, r.DefinitionId, r.DefinitionVersion, r.CorrelationId, r.Status, r.SubStatus, r.CreatedAtUtc, r.UpdatedAtUtc, r.FinishedAtUtc);

    public static WorkflowBookmarkRecord ToRecord(string instanceId, Bookmark b) => new()
    {
        Id = b.Id,
        InstanceId = instanceId,
        Name = b.Name,
        Key = b.Key,
        CorrelationId = b.CorrelationId,
        ActivityId = b.ActivityId,
        NodeId = b.NodeId,
        ActivityType = b.ActivityType,
        ResumeAtUtc = b.ResumeAtUtc,
        PayloadJson = WorkflowStateSerializer.SerializeNode(b.Payload),
        CreatedAtUtc = b.CreatedAtUtc,
    };

    public static WorkflowIncidentRecord ToRecord(string instanceId, Incident i) => new()
    {
        Id = i.Id,
        InstanceId = instanceId,
        ActivityId = i.ActivityId,
        NodeId = i.NodeId,
        ActivityType = i.ActivityType,
        Message = i.Message,
        Code = i.Code,
        TimestampUtc = i.TimestampUtc,
    };
}
